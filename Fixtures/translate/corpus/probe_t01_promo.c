// probe: t01_promo, a program written to test one corner of C's semantics in translation
#include <stdio.h>
int main(void) {
    unsigned char a = 200, b = 100;
    int r1 = a + b;
    unsigned char c = a + b;
    unsigned short s1 = 65535, s2 = 2;
    int r2 = s1 * s2;
    printf("%d %u %d\n", r1, c, r2);
    printf("%d\n", -1 < 1u);
    printf("%d\n", -1 < (unsigned char)1);
    printf("%d\n", (unsigned short)1 > -1);
    unsigned int u = 5; int i = -3;
    printf("%u\n", u + i);
    printf("%d\n", u > i);
    long l = -7; printf("%ld %ld\n", l / 2, l % 2);
    int n = -7; printf("%d %d\n", n / 2, n % 2);
    printf("%ld\n", -7L % 3u);
    unsigned char sh = 1; printf("%d\n", sh << 10);
    unsigned char nb = 0x0f; printf("%d %u\n", ~nb, (unsigned)~nb);
    signed char sc = -128; printf("%d\n", -sc);
    printf("%lu\n", sizeof(a + b));
    unsigned long long big = 0xFFFFFFFFu; big += 1; printf("%llu\n", big);
    int x = 1000000; long long y = (long long)x * x; printf("%lld\n", y);
    unsigned int m = 3000000000u; printf("%lld\n", (long long)m);
    printf("%d\n", (int)(short)40000);
    printf("%u\n", (unsigned char)-1 + 1);
    printf("%d\n", (char)'a' - 'b');
    return 0;
}
