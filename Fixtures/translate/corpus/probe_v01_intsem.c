// probe: v01_intsem, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdint.h>
int main(void) {
    unsigned short a = 0;
    if (~a == 0xFFFF) printf("eq\n"); else printf("ne\n");
    uint16_t m1 = 300, m2 = 300; uint32_t r = m1 * m2; printf("%u\n", r);
    uint16_t r16 = m1 * m2; printf("%u\n", r16);
    uint64_t x = (int8_t)-1; printf("%llu\n", (unsigned long long)x);
    unsigned int ui = 4000000000u; long l = ui; printf("%ld\n", l);
    printf("%u\n", 10u / -2);
    printf("%u\n", 10u % -3);
    unsigned x5 = 5; printf("%u\n", -x5);
    uint8_t b = 0xAB; printf("%d\n", b << 8);
    int p = 1, q = 2, s = 3; printf("%d\n", s > q > p);
    printf("%d\n", (int)(sizeof(int) * -1 > 0));
    int8_t i8 = 127; i8++; printf("%d\n", i8);
    int16_t i16 = -32768; i16--; printf("%d\n", i16);
    uint32_t big = 0xFFFFFFFF; big++; printf("%u\n", big);
    uint32_t m = 65536; m *= 65536; printf("%u\n", m);
    int neg = -5; unsigned nu = neg; printf("%u %d\n", nu, (int)nu);
    printf("%d\n", (signed char)(uint8_t)200);
    uint8_t u8a = 10, u8b = 20; printf("%d\n", u8a - u8b);
    printf("%u\n", (unsigned)(u8a - u8b));
    uint8_t diff = u8a - u8b; printf("%u\n", diff);
    printf("%d\n", u8a - u8b < 0);
    uint32_t ua = 10, ub = 20; printf("%d\n", ua - ub > 0);
    long long ll = -1; unsigned long long ull = 1; printf("%d\n", ll < ull);
    return 0;
}
