// translate: SSE2 intrinsics as real code uses them (hashing, byte shuffles, float lanes): function and macro forms, immediates, a shift by a variable count, vector element access
// exit: 0
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <emmintrin.h>
/* The shapes of clhash, roaring's set operations and small matrix kernels: load bytes into a
   register, mix them, shuffle and shift lanes, read lanes back. */
static __m128i mix(__m128i a, __m128i key, int rounds) {
    for (int r = 0; r < rounds; r++) {
        a = _mm_xor_si128(a, key);
        a = _mm_shuffle_epi32(a, 0x4E);          /* macro with an immediate */
        a = _mm_add_epi32(a, _mm_slli_epi64(a, r + 1));   /* shift by a variable count */
        key = _mm_srli_si128(key, 1);
    }
    return a;
}

static uint64_t hash_bytes(const uint8_t *data, size_t n) {
    __m128i acc = _mm_set1_epi8(0x5a);
    uint8_t block[16];
    for (size_t i = 0; i < n; i += 16) {
        memset(block, 0, sizeof block);
        memcpy(block, data + i, n - i < 16 ? n - i : 16);
        __m128i v = _mm_loadu_si128((const __m128i *)block);
        acc = mix(_mm_xor_si128(acc, v), _mm_set_epi32(1, 2, 3, 4), 3);
    }
    return (uint64_t)_mm_cvtsi128_si64(acc) ^ (uint64_t)_mm_extract_epi16(acc, 7);
}

int main(void) {
    const char *words[] = {"", "a", "oxidize", "a somewhat longer string of bytes to hash"};
    for (int i = 0; i < 4; i++)
        printf("%-45s %016llx\n", words[i], (unsigned long long)hash_bytes((const uint8_t *)words[i], strlen(words[i])));
    __m128 f = _mm_set_ps(1.5f, 2.5f, 3.5f, 4.5f);
    __m128 sq = _mm_mul_ps(f, f);
    float lanes[4];
    _mm_storeu_ps(lanes, _mm_add_ps(sq, _mm_set1_ps(0.25f)));
    printf("%.2f %.2f %.2f %.2f | %.2f %.2f\n", lanes[0], lanes[1], lanes[2], lanes[3], sq[0], sq[3]);
    __m128i bytes = _mm_setr_epi8(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    __m128i sum = _mm_sad_epu8(bytes, _mm_setzero_si128());
    printf("%d %d\n", _mm_extract_epi16(sum, 0), _mm_extract_epi16(sum, 4));
    _mm_sfence();
    return 0;
}
