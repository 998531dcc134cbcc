// probe: t32_shift, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdint.h>
int main(void) {
    uint8_t a = 0x81;
    printf("%d\n", a << 1);
    printf("%d\n", (uint8_t)(a << 1));
    printf("%d\n", a >> 1);
    int8_t b = -128; printf("%d\n", b >> 1);
    uint16_t c = 0x8000; printf("%d\n", c << 1);
    uint32_t d = 0x80000000u; printf("%u\n", d >> 31);
    int e = -16; printf("%d\n", e >> 2);
    uint64_t f = 1; printf("%llu\n", (unsigned long long)(f << 63));
    int sh = 3; long g = 5L << sh; printf("%ld\n", g);
    unsigned u = 1u << 31; printf("%u\n", u);
    uint8_t h = 100; printf("%d\n", (h << 24) > 0);
    printf("%d\n", 1 << (sizeof(int) * 8 - 2));
    uint8_t rot = 0x96; rot = (uint8_t)((rot << 3) | (rot >> 5)); printf("%u\n", rot);
    uint32_t x = 0xdeadbeef; x ^= x << 13; x ^= x >> 17; x ^= x << 5; printf("%u\n", x);
    return 0;
}
