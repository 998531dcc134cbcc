// probe: t02_compound, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdint.h>
int main(void) {
    char c = 10; c += 300; printf("%d\n", c);
    short s = 0x1234; s <<= 3; printf("%d\n", s);
    uint8_t u = 200, v = 3; u *= v; printf("%u\n", u);
    uint8_t w = 5; w -= 10; printf("%u\n", w);
    unsigned short us = 1; us <<= 16; printf("%u\n", us);
    signed char sc = 100; sc += 100; printf("%d\n", sc);
    int i = 7; i /= 2.5; printf("%d\n", i);
    double d = 1.5; d *= 3; printf("%f\n", d);
    uint16_t h = 0xffff; h >>= 1; printf("%u\n", h);
    uint8_t bits = 0xf0; bits |= 0x0f; bits ^= 0xff; printf("%u\n", bits);
    unsigned u32 = 1; u32 -= 2; printf("%u\n", u32);
    int q = -17; q %= 5; printf("%d\n", q);
    long long ll = 1; ll <<= 40; printf("%lld\n", ll);
    float f = 10; f /= 4; printf("%f\n", f);
    char cc = 'z'; cc -= 'a' - 'A'; printf("%c\n", cc);
    unsigned char ar[3] = {250, 251, 252}; ar[1] += 10; printf("%u\n", ar[1]);
    int x = 3, y; y = x += 2; printf("%d %d\n", x, y);
    int z = (x *= 2) + (y -= 1); printf("%d\n", z);
    return 0;
}
