#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Returns 1 if this build contains the x86-64 SHA-NI compression function
/// and the running CPU supports the SHA, SSE4.1 and SSSE3 extensions;
/// returns 0 otherwise (including on every non-x86 build, where the
/// implementation is a stub).
int csha256_hw_supported(void);

/// Runs the SHA-256 compression function over `nblocks` consecutive 64-byte
/// blocks starting at `data`, updating the eight-word chaining value
/// `state` (H0..H7, native-endian words) in place.
///
/// Must only be called when `csha256_hw_supported()` returned 1; the stub
/// used on non-x86 builds leaves `state` untouched.
void csha256_hw_compress(uint32_t state[8], const uint8_t *data, size_t nblocks);

#ifdef __cplusplus
}
#endif

#endif /* CSHA256_H */
