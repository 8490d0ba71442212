/*
 * Two SHA-256 messages at once on the x86 SHA extensions (SHA-NI).
 *
 * One message is a chain of dependent sha256rnds2 instructions: each waits
 * for the one before, so a core sits mostly idle between them. Hashing two
 * independent messages with their instructions interleaved fills those
 * waits; a reader that checks the hash chain hashes every line of the log,
 * and takes them two by two. The round body below is the one of
 * sha256_ni.c, each statement written once for message A and once for
 * message B (the same generated rounds; see that file).
 *
 * Padding (FIPS 180-4, 5.1.1) is done here too, so a caller hands over two
 * whole messages and gets two digests, big-endian as usual.
 */
#include "CSHA256.h"

#if defined(__x86_64__) || defined(__i386__)

#include <immintrin.h>
#include <string.h>

/* The last one or two blocks of a message: its tail, 0x80, zeros, and the
 * length in bits in the last eight bytes. Returns how many blocks (1 or 2). */
static size_t pad_tail(const uint8_t *msg, size_t n, uint8_t pad[128]) {
    size_t tail = n % 64;
    memset(pad, 0, 128);
    memcpy(pad, msg + (n - tail), tail);
    pad[tail] = 0x80;
    size_t blocks = tail < 56 ? 1 : 2;
    uint64_t bits = (uint64_t)n * 8;
    for (int i = 0; i < 8; i++) pad[blocks * 64 - 1 - i] = (uint8_t)(bits >> (8 * i));
    return blocks;
}

static void store_digest(const uint32_t state[8], uint8_t out[32]) {
    for (int i = 0; i < 8; i++) {
        out[4 * i] = (uint8_t)(state[i] >> 24);
        out[4 * i + 1] = (uint8_t)(state[i] >> 16);
        out[4 * i + 2] = (uint8_t)(state[i] >> 8);
        out[4 * i + 3] = (uint8_t)state[i];
    }
}

__attribute__((target("sha,sse4.1,ssse3")))
void csha256_hw_hash2(const uint8_t *a, size_t na, const uint8_t *b, size_t nb, uint8_t out_a[32], uint8_t out_b[32]) {
    uint8_t pad_a[128], pad_b[128];
    const size_t full_a = na / 64, full_b = nb / 64;
    const size_t total_a = full_a + pad_tail(a, na, pad_a);
    const size_t total_b = full_b + pad_tail(b, nb, pad_b);
    const size_t both = total_a < total_b ? total_a : total_b;
    const __m128i MASK = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    __m128i STATE0_A, STATE1_A, MSG_A, TMP_A, M0_A, M1_A, M2_A, M3_A, ABEF_SAVE_A, CDGH_SAVE_A;
    __m128i STATE0_B, STATE1_B, MSG_B, TMP_B, M0_B, M1_B, M2_B, M3_B, ABEF_SAVE_B, CDGH_SAVE_B;
    /* H(0) as ABEF / CDGH. */
    STATE0_A = _mm_set_epi32(0x6a09e667, 0xbb67ae85, 0x510e527f, 0x9b05688c);
    STATE1_A = _mm_set_epi32(0x3c6ef372, 0xa54ff53a, 0x1f83d9ab, 0x5be0cd19);
    STATE0_B = STATE0_A;
    STATE1_B = STATE1_A;

    for (size_t k = 0; k < both; k++) {
        const uint8_t *pa = k < full_a ? a + 64 * k : pad_a + 64 * (k - full_a);
        const uint8_t *pb = k < full_b ? b + 64 * k : pad_b + 64 * (k - full_b);
        ABEF_SAVE_A = STATE0_A;
        CDGH_SAVE_A = STATE1_A;
        ABEF_SAVE_B = STATE0_B;
        CDGH_SAVE_B = STATE1_B;
        {
            M0_A = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pa + 0)), MASK);
            M0_B = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pb + 0)), MASK);
            MSG_A = _mm_add_epi32(M0_A, _mm_set_epi64x((long long)0xE9B5DBA5B5C0FBCFULL, (long long)0x71374491428A2F98ULL));
            MSG_B = _mm_add_epi32(M0_B, _mm_set_epi64x((long long)0xE9B5DBA5B5C0FBCFULL, (long long)0x71374491428A2F98ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M1_A = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pa + 16)), MASK);
            M1_B = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pb + 16)), MASK);
            MSG_A = _mm_add_epi32(M1_A, _mm_set_epi64x((long long)0xAB1C5ED5923F82A4ULL, (long long)0x59F111F13956C25BULL));
            MSG_B = _mm_add_epi32(M1_B, _mm_set_epi64x((long long)0xAB1C5ED5923F82A4ULL, (long long)0x59F111F13956C25BULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M0_A = _mm_sha256msg1_epu32(M0_A, M1_A);
            M0_B = _mm_sha256msg1_epu32(M0_B, M1_B);
            M2_A = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pa + 32)), MASK);
            M2_B = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pb + 32)), MASK);
            MSG_A = _mm_add_epi32(M2_A, _mm_set_epi64x((long long)0x550C7DC3243185BEULL, (long long)0x12835B01D807AA98ULL));
            MSG_B = _mm_add_epi32(M2_B, _mm_set_epi64x((long long)0x550C7DC3243185BEULL, (long long)0x12835B01D807AA98ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M1_A = _mm_sha256msg1_epu32(M1_A, M2_A);
            M1_B = _mm_sha256msg1_epu32(M1_B, M2_B);
            M3_A = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pa + 48)), MASK);
            M3_B = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(pb + 48)), MASK);
            MSG_A = _mm_add_epi32(M3_A, _mm_set_epi64x((long long)0xC19BF1749BDC06A7ULL, (long long)0x80DEB1FE72BE5D74ULL));
            MSG_B = _mm_add_epi32(M3_B, _mm_set_epi64x((long long)0xC19BF1749BDC06A7ULL, (long long)0x80DEB1FE72BE5D74ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M3_A, M2_A, 4);
            TMP_B = _mm_alignr_epi8(M3_B, M2_B, 4);
            M0_A = _mm_add_epi32(M0_A, TMP_A);
            M0_B = _mm_add_epi32(M0_B, TMP_B);
            M0_A = _mm_sha256msg2_epu32(M0_A, M3_A);
            M0_B = _mm_sha256msg2_epu32(M0_B, M3_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M2_A = _mm_sha256msg1_epu32(M2_A, M3_A);
            M2_B = _mm_sha256msg1_epu32(M2_B, M3_B);
            MSG_A = _mm_add_epi32(M0_A, _mm_set_epi64x((long long)0x240CA1CC0FC19DC6ULL, (long long)0xEFBE4786E49B69C1ULL));
            MSG_B = _mm_add_epi32(M0_B, _mm_set_epi64x((long long)0x240CA1CC0FC19DC6ULL, (long long)0xEFBE4786E49B69C1ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M0_A, M3_A, 4);
            TMP_B = _mm_alignr_epi8(M0_B, M3_B, 4);
            M1_A = _mm_add_epi32(M1_A, TMP_A);
            M1_B = _mm_add_epi32(M1_B, TMP_B);
            M1_A = _mm_sha256msg2_epu32(M1_A, M0_A);
            M1_B = _mm_sha256msg2_epu32(M1_B, M0_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M3_A = _mm_sha256msg1_epu32(M3_A, M0_A);
            M3_B = _mm_sha256msg1_epu32(M3_B, M0_B);
            MSG_A = _mm_add_epi32(M1_A, _mm_set_epi64x((long long)0x76F988DA5CB0A9DCULL, (long long)0x4A7484AA2DE92C6FULL));
            MSG_B = _mm_add_epi32(M1_B, _mm_set_epi64x((long long)0x76F988DA5CB0A9DCULL, (long long)0x4A7484AA2DE92C6FULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M1_A, M0_A, 4);
            TMP_B = _mm_alignr_epi8(M1_B, M0_B, 4);
            M2_A = _mm_add_epi32(M2_A, TMP_A);
            M2_B = _mm_add_epi32(M2_B, TMP_B);
            M2_A = _mm_sha256msg2_epu32(M2_A, M1_A);
            M2_B = _mm_sha256msg2_epu32(M2_B, M1_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M0_A = _mm_sha256msg1_epu32(M0_A, M1_A);
            M0_B = _mm_sha256msg1_epu32(M0_B, M1_B);
            MSG_A = _mm_add_epi32(M2_A, _mm_set_epi64x((long long)0xBF597FC7B00327C8ULL, (long long)0xA831C66D983E5152ULL));
            MSG_B = _mm_add_epi32(M2_B, _mm_set_epi64x((long long)0xBF597FC7B00327C8ULL, (long long)0xA831C66D983E5152ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M2_A, M1_A, 4);
            TMP_B = _mm_alignr_epi8(M2_B, M1_B, 4);
            M3_A = _mm_add_epi32(M3_A, TMP_A);
            M3_B = _mm_add_epi32(M3_B, TMP_B);
            M3_A = _mm_sha256msg2_epu32(M3_A, M2_A);
            M3_B = _mm_sha256msg2_epu32(M3_B, M2_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M1_A = _mm_sha256msg1_epu32(M1_A, M2_A);
            M1_B = _mm_sha256msg1_epu32(M1_B, M2_B);
            MSG_A = _mm_add_epi32(M3_A, _mm_set_epi64x((long long)0x1429296706CA6351ULL, (long long)0xD5A79147C6E00BF3ULL));
            MSG_B = _mm_add_epi32(M3_B, _mm_set_epi64x((long long)0x1429296706CA6351ULL, (long long)0xD5A79147C6E00BF3ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M3_A, M2_A, 4);
            TMP_B = _mm_alignr_epi8(M3_B, M2_B, 4);
            M0_A = _mm_add_epi32(M0_A, TMP_A);
            M0_B = _mm_add_epi32(M0_B, TMP_B);
            M0_A = _mm_sha256msg2_epu32(M0_A, M3_A);
            M0_B = _mm_sha256msg2_epu32(M0_B, M3_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M2_A = _mm_sha256msg1_epu32(M2_A, M3_A);
            M2_B = _mm_sha256msg1_epu32(M2_B, M3_B);
            MSG_A = _mm_add_epi32(M0_A, _mm_set_epi64x((long long)0x53380D134D2C6DFCULL, (long long)0x2E1B213827B70A85ULL));
            MSG_B = _mm_add_epi32(M0_B, _mm_set_epi64x((long long)0x53380D134D2C6DFCULL, (long long)0x2E1B213827B70A85ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M0_A, M3_A, 4);
            TMP_B = _mm_alignr_epi8(M0_B, M3_B, 4);
            M1_A = _mm_add_epi32(M1_A, TMP_A);
            M1_B = _mm_add_epi32(M1_B, TMP_B);
            M1_A = _mm_sha256msg2_epu32(M1_A, M0_A);
            M1_B = _mm_sha256msg2_epu32(M1_B, M0_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M3_A = _mm_sha256msg1_epu32(M3_A, M0_A);
            M3_B = _mm_sha256msg1_epu32(M3_B, M0_B);
            MSG_A = _mm_add_epi32(M1_A, _mm_set_epi64x((long long)0x92722C8581C2C92EULL, (long long)0x766A0ABB650A7354ULL));
            MSG_B = _mm_add_epi32(M1_B, _mm_set_epi64x((long long)0x92722C8581C2C92EULL, (long long)0x766A0ABB650A7354ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M1_A, M0_A, 4);
            TMP_B = _mm_alignr_epi8(M1_B, M0_B, 4);
            M2_A = _mm_add_epi32(M2_A, TMP_A);
            M2_B = _mm_add_epi32(M2_B, TMP_B);
            M2_A = _mm_sha256msg2_epu32(M2_A, M1_A);
            M2_B = _mm_sha256msg2_epu32(M2_B, M1_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M0_A = _mm_sha256msg1_epu32(M0_A, M1_A);
            M0_B = _mm_sha256msg1_epu32(M0_B, M1_B);
            MSG_A = _mm_add_epi32(M2_A, _mm_set_epi64x((long long)0xC76C51A3C24B8B70ULL, (long long)0xA81A664BA2BFE8A1ULL));
            MSG_B = _mm_add_epi32(M2_B, _mm_set_epi64x((long long)0xC76C51A3C24B8B70ULL, (long long)0xA81A664BA2BFE8A1ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M2_A, M1_A, 4);
            TMP_B = _mm_alignr_epi8(M2_B, M1_B, 4);
            M3_A = _mm_add_epi32(M3_A, TMP_A);
            M3_B = _mm_add_epi32(M3_B, TMP_B);
            M3_A = _mm_sha256msg2_epu32(M3_A, M2_A);
            M3_B = _mm_sha256msg2_epu32(M3_B, M2_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M1_A = _mm_sha256msg1_epu32(M1_A, M2_A);
            M1_B = _mm_sha256msg1_epu32(M1_B, M2_B);
            MSG_A = _mm_add_epi32(M3_A, _mm_set_epi64x((long long)0x106AA070F40E3585ULL, (long long)0xD6990624D192E819ULL));
            MSG_B = _mm_add_epi32(M3_B, _mm_set_epi64x((long long)0x106AA070F40E3585ULL, (long long)0xD6990624D192E819ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M3_A, M2_A, 4);
            TMP_B = _mm_alignr_epi8(M3_B, M2_B, 4);
            M0_A = _mm_add_epi32(M0_A, TMP_A);
            M0_B = _mm_add_epi32(M0_B, TMP_B);
            M0_A = _mm_sha256msg2_epu32(M0_A, M3_A);
            M0_B = _mm_sha256msg2_epu32(M0_B, M3_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M2_A = _mm_sha256msg1_epu32(M2_A, M3_A);
            M2_B = _mm_sha256msg1_epu32(M2_B, M3_B);
            MSG_A = _mm_add_epi32(M0_A, _mm_set_epi64x((long long)0x34B0BCB52748774CULL, (long long)0x1E376C0819A4C116ULL));
            MSG_B = _mm_add_epi32(M0_B, _mm_set_epi64x((long long)0x34B0BCB52748774CULL, (long long)0x1E376C0819A4C116ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M0_A, M3_A, 4);
            TMP_B = _mm_alignr_epi8(M0_B, M3_B, 4);
            M1_A = _mm_add_epi32(M1_A, TMP_A);
            M1_B = _mm_add_epi32(M1_B, TMP_B);
            M1_A = _mm_sha256msg2_epu32(M1_A, M0_A);
            M1_B = _mm_sha256msg2_epu32(M1_B, M0_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            M3_A = _mm_sha256msg1_epu32(M3_A, M0_A);
            M3_B = _mm_sha256msg1_epu32(M3_B, M0_B);
            MSG_A = _mm_add_epi32(M1_A, _mm_set_epi64x((long long)0x682E6FF35B9CCA4FULL, (long long)0x4ED8AA4A391C0CB3ULL));
            MSG_B = _mm_add_epi32(M1_B, _mm_set_epi64x((long long)0x682E6FF35B9CCA4FULL, (long long)0x4ED8AA4A391C0CB3ULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M1_A, M0_A, 4);
            TMP_B = _mm_alignr_epi8(M1_B, M0_B, 4);
            M2_A = _mm_add_epi32(M2_A, TMP_A);
            M2_B = _mm_add_epi32(M2_B, TMP_B);
            M2_A = _mm_sha256msg2_epu32(M2_A, M1_A);
            M2_B = _mm_sha256msg2_epu32(M2_B, M1_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            MSG_A = _mm_add_epi32(M2_A, _mm_set_epi64x((long long)0x8CC7020884C87814ULL, (long long)0x78A5636F748F82EEULL));
            MSG_B = _mm_add_epi32(M2_B, _mm_set_epi64x((long long)0x8CC7020884C87814ULL, (long long)0x78A5636F748F82EEULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            TMP_A = _mm_alignr_epi8(M2_A, M1_A, 4);
            TMP_B = _mm_alignr_epi8(M2_B, M1_B, 4);
            M3_A = _mm_add_epi32(M3_A, TMP_A);
            M3_B = _mm_add_epi32(M3_B, TMP_B);
            M3_A = _mm_sha256msg2_epu32(M3_A, M2_A);
            M3_B = _mm_sha256msg2_epu32(M3_B, M2_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
            MSG_A = _mm_add_epi32(M3_A, _mm_set_epi64x((long long)0xC67178F2BEF9A3F7ULL, (long long)0xA4506CEB90BEFFFAULL));
            MSG_B = _mm_add_epi32(M3_B, _mm_set_epi64x((long long)0xC67178F2BEF9A3F7ULL, (long long)0xA4506CEB90BEFFFAULL));
            STATE1_A = _mm_sha256rnds2_epu32(STATE1_A, STATE0_A, MSG_A);
            STATE1_B = _mm_sha256rnds2_epu32(STATE1_B, STATE0_B, MSG_B);
            MSG_A = _mm_shuffle_epi32(MSG_A, 0x0E);
            MSG_B = _mm_shuffle_epi32(MSG_B, 0x0E);
            STATE0_A = _mm_sha256rnds2_epu32(STATE0_A, STATE1_A, MSG_A);
            STATE0_B = _mm_sha256rnds2_epu32(STATE0_B, STATE1_B, MSG_B);
        }
        STATE0_A = _mm_add_epi32(STATE0_A, ABEF_SAVE_A);
        STATE1_A = _mm_add_epi32(STATE1_A, CDGH_SAVE_A);
        STATE0_B = _mm_add_epi32(STATE0_B, ABEF_SAVE_B);
        STATE1_B = _mm_add_epi32(STATE1_B, CDGH_SAVE_B);
    }

    /* Back to H0..H7 order, then the longer message's remaining blocks alone. */
    uint32_t state_a[8], state_b[8];
    TMP_A = _mm_shuffle_epi32(STATE0_A, 0x1B);
    STATE1_A = _mm_shuffle_epi32(STATE1_A, 0xB1);
    STATE0_A = _mm_blend_epi16(TMP_A, STATE1_A, 0xF0);
    STATE1_A = _mm_alignr_epi8(STATE1_A, TMP_A, 8);
    _mm_storeu_si128((__m128i *)&state_a[0], STATE0_A);
    _mm_storeu_si128((__m128i *)&state_a[4], STATE1_A);
    TMP_B = _mm_shuffle_epi32(STATE0_B, 0x1B);
    STATE1_B = _mm_shuffle_epi32(STATE1_B, 0xB1);
    STATE0_B = _mm_blend_epi16(TMP_B, STATE1_B, 0xF0);
    STATE1_B = _mm_alignr_epi8(STATE1_B, TMP_B, 8);
    _mm_storeu_si128((__m128i *)&state_b[0], STATE0_B);
    _mm_storeu_si128((__m128i *)&state_b[4], STATE1_B);
    for (size_t k = both; k < total_a; k++) {
        csha256_hw_compress(state_a, k < full_a ? a + 64 * k : pad_a + 64 * (k - full_a), 1);
    }
    for (size_t k = both; k < total_b; k++) {
        csha256_hw_compress(state_b, k < full_b ? b + 64 * k : pad_b + 64 * (k - full_b), 1);
    }
    store_digest(state_a, out_a);
    store_digest(state_b, out_b);
}

#else /* not x86: stub */

void csha256_hw_hash2(const uint8_t *a, size_t na, const uint8_t *b, size_t nb, uint8_t out_a[32], uint8_t out_b[32]) {
    (void)a; (void)na; (void)b; (void)nb; (void)out_a; (void)out_b;
}

#endif
