// translate: bit twiddling on uint32_t and uint64_t: popcount, reversal, masks, rotations, byte packing
// exit: 0
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static int popcount32(uint32_t x) {
    int n = 0;
    while (x) {
        x &= x - 1; /* clear the lowest set bit */
        n++;
    }
    return n;
}

static int popcount64(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0fULL;
    return (int)((x * 0x0101010101010101ULL) >> 56);
}

static uint32_t reverse32(uint32_t x) {
    uint32_t r = 0;
    for (int i = 0; i < 32; i++) {
        r = (r << 1) | (x & 1u);
        x >>= 1;
    }
    return r;
}

static uint32_t rotl32(uint32_t x, unsigned k) {
    k &= 31;
    return k ? (x << k) | (x >> (32 - k)) : x;
}

static uint32_t pack_rgba(uint8_t r, uint8_t g, uint8_t b, uint8_t a) {
    return ((uint32_t)r << 24) | ((uint32_t)g << 16) | ((uint32_t)b << 8) | a;
}

static int lowest_set(uint64_t x) {
    if (x == 0)
        return -1;
    int i = 0;
    while (!(x & 1)) {
        x >>= 1;
        i++;
    }
    return i;
}

static int is_power_of_two(uint64_t x) { return x && !(x & (x - 1)); }

int main(void) {
    uint32_t samples[] = {0, 1, 0x80000000u, 0xdeadbeefu, 0x0f0f0f0fu, 0xffffffffu};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        uint32_t s = samples[i];
        printf("%08" PRIx32 " pop=%2d rev=%08" PRIx32 " rotl8=%08" PRIx32 " ~=%08" PRIx32 "\n", s,
               popcount32(s), reverse32(s), rotl32(s, 8), ~s);
    }

    uint64_t big = 0xf00dfacecafebabeULL;
    printf("pop64=%d low=%d hi32=%08" PRIx32 " lo32=%08" PRIx32 "\n", popcount64(big), lowest_set(big),
           (uint32_t)(big >> 32), (uint32_t)big);
    printf("1<<40 = %" PRIu64 ", pow2? %d %d %d\n", (uint64_t)1 << 40, is_power_of_two(1ULL << 40),
           is_power_of_two(96), is_power_of_two(0));

    uint32_t c = pack_rgba(0x12, 0x34, 0x56, 0x78);
    uint8_t b = (uint8_t)(c >> 8);
    printf("packed=%08" PRIx32 " blue=%02x shifted=%08" PRIx32 "\n", c, b, (uint32_t)b << 8);

    /* flags register: set, clear, toggle, test */
    uint32_t flags = 0;
    enum { F_READ = 1u << 0, F_WRITE = 1u << 1, F_EXEC = 1u << 2, F_HIDDEN = 1u << 7 };
    flags |= F_READ | F_WRITE | F_HIDDEN;
    flags &= ~(uint32_t)F_WRITE;
    flags ^= F_EXEC;
    printf("flags=0x%02" PRIx32 " read=%d write=%d exec=%d\n", flags, !!(flags & F_READ),
           !!(flags & F_WRITE), (flags & F_EXEC) != 0);

    /* extract a bit field: bits 4..11 */
    uint32_t reg = 0xabcd1234u;
    uint32_t field = (reg >> 4) & ((1u << 8) - 1);
    printf("field=0x%02" PRIx32 " insert -> 0x%08" PRIx32 "\n", field, (reg & ~(0xffu << 4)) | (0x5au << 4));

    int16_t neg = -2;
    printf("neg>>1=%d (unsigned)neg=%u u16=%u\n", neg >> 1, (unsigned)neg, (uint16_t)neg);
    return 0;
}
