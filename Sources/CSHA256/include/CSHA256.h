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

/// Hashes two whole messages at once (SHA-256 with padding), writing the
/// two digests big-endian to `out_a` and `out_b`: the instructions of the
/// two are interleaved, which hashes more bytes per second than one at a
/// time on cores where each round waits for the one before.
///
/// Must only be called when `csha256_hw_supported()` returned 1.
void csha256_hw_hash2(const uint8_t *a, size_t na, const uint8_t *b, size_t nb, uint8_t out_a[32], uint8_t out_b[32]);

#ifdef __cplusplus
}
#endif

#endif /* CSHA256_H */
