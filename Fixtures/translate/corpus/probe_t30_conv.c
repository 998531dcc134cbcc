// probe: t30_conv, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static unsigned char tochar(int x) { return x; }
static short toshort(long x) { return x; }
static double half(int x) { return x / 2; }
static int trunc_d(double d) { return d; }
static void takes_uchar(unsigned char c) { printf("%u\n", c); }
static void takes_float(float f) { printf("%.3f\n", f); }
static long long widen(int x) { return x; }
static unsigned to_u(int x) { return x; }
int main(void) {
    printf("%u %d\n", tochar(513), toshort(70000));
    printf("%f %d\n", half(7), trunc_d(-2.7));
    takes_uchar(-1); takes_uchar(1000);
    takes_float(1.0 / 3);
    printf("%lld %u\n", widen(-5), to_u(-5));
    int i = 3.99; unsigned char uc = 255.0; printf("%d %u\n", i, uc);
    long l = 0xFFFFFFFFu; printf("%ld\n", l);
    int neg = -1; unsigned long ul = neg; printf("%lu\n", ul);
    short sh = -1; unsigned int ui = sh; printf("%u\n", ui);
    unsigned short us = -1; int si = us; printf("%d\n", si);
    double d = 1e10; long long ll = d; printf("%lld\n", ll);
    float f = 16777216; f = f + 1; printf("%.0f\n", f);
    char c = 'A' + 1.7; printf("%c\n", c);
    return 0;
}
