// SHA-256's compression function with the x86 SHA extensions, one chain or
// two interleaved. Padding, lengths and hex live in Swift (SystemKit's
// TwoLaneSHA256); this file is only the rounds, which Swift cannot express.
#include "two_lane_sha256.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int baocao_sha256_lanes_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return ssse3 && sse41 && ((b >> 29) & 1);
}

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define SHA_TARGET __attribute__((target("sha,sse4.1,ssse3")))

/// The state as the SHA instructions hold it: ABEF and CDGH.
SHA_TARGET static inline void load(const uint32_t *state, __m128i *abef, __m128i *cdgh) {
    __m128i low = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)state), 0xB1);
    __m128i high = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)(state + 4)), 0x1B);
    *abef = _mm_alignr_epi8(low, high, 8);
    *cdgh = _mm_blend_epi16(high, low, 0xF0);
}

SHA_TARGET static inline void store(uint32_t *state, __m128i abef, __m128i cdgh) {
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)state, _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)(state + 4), _mm_alignr_epi8(dchg, feba, 8));
}

/// Message words 4i…4i+3: the block's own for i < 4, else the schedule.
SHA_TARGET static inline __m128i schedule(__m128i *w, int i, const uint8_t *block) {
    const __m128i big_endian = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    if (i < 4) return w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 16 * i)), big_endian);
    __m128i mixed = _mm_add_epi32(_mm_sha256msg1_epu32(w[i - 4], w[i - 3]), _mm_alignr_epi8(w[i - 1], w[i - 2], 4));
    return w[i] = _mm_sha256msg2_epu32(mixed, w[i - 1]);
}

SHA_TARGET void baocao_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) {
    __m128i abef, cdgh;
    load(state, &abef, &cdgh);
    for (; blocks; blocks--, data += 64) {
        __m128i saved_abef = abef, saved_cdgh = cdgh, w[16];
        _Pragma("clang loop unroll(full)")
        for (int i = 0; i < 16; i++) {
            __m128i m = _mm_add_epi32(schedule(w, i, data), _mm_loadu_si128((const __m128i *)(K + 4 * i)));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, m);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(m, 0x0E));
        }
        abef = _mm_add_epi32(abef, saved_abef);
        cdgh = _mm_add_epi32(cdgh, saved_cdgh);
    }
    store(state, abef, cdgh);
}

SHA_TARGET void baocao_sha256_blocks_x2(uint32_t first_state[8], const uint8_t *first,
                                        uint32_t second_state[8], const uint8_t *second, size_t blocks) {
    __m128i abef1, cdgh1, abef2, cdgh2;
    load(first_state, &abef1, &cdgh1);
    load(second_state, &abef2, &cdgh2);
    for (; blocks; blocks--, first += 64, second += 64) {
        __m128i saved_abef1 = abef1, saved_cdgh1 = cdgh1, saved_abef2 = abef2, saved_cdgh2 = cdgh2, w1[16], w2[16];
        _Pragma("clang loop unroll(full)")
        for (int i = 0; i < 16; i++) {
            __m128i k = _mm_loadu_si128((const __m128i *)(K + 4 * i));
            __m128i m1 = _mm_add_epi32(schedule(w1, i, first), k), m2 = _mm_add_epi32(schedule(w2, i, second), k);
            cdgh1 = _mm_sha256rnds2_epu32(cdgh1, abef1, m1);
            cdgh2 = _mm_sha256rnds2_epu32(cdgh2, abef2, m2);
            abef1 = _mm_sha256rnds2_epu32(abef1, cdgh1, _mm_shuffle_epi32(m1, 0x0E));
            abef2 = _mm_sha256rnds2_epu32(abef2, cdgh2, _mm_shuffle_epi32(m2, 0x0E));
        }
        abef1 = _mm_add_epi32(abef1, saved_abef1);
        cdgh1 = _mm_add_epi32(cdgh1, saved_cdgh1);
        abef2 = _mm_add_epi32(abef2, saved_abef2);
        cdgh2 = _mm_add_epi32(cdgh2, saved_cdgh2);
    }
    store(first_state, abef1, cdgh1);
    store(second_state, abef2, cdgh2);
}

#else
int baocao_sha256_lanes_available(void) { return 0; }
void baocao_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks) { (void)state, (void)data, (void)blocks; }
void baocao_sha256_blocks_x2(uint32_t first_state[8], const uint8_t *first,
                             uint32_t second_state[8], const uint8_t *second, size_t blocks) {
    (void)first_state, (void)first, (void)second_state, (void)second, (void)blocks;
}
#endif
