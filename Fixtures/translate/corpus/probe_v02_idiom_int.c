// probe: v02_idiom_int, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static unsigned hash(const char *s) { unsigned h = 5381; while (*s) { h = h * 33 + (unsigned char)*s; s++; } return h; }
static int clampi(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }
static unsigned char sat_add(unsigned char a, unsigned char b) { unsigned s = a + b; return s > 255 ? 255 : s; }
static unsigned char wrap_add(unsigned char a, unsigned char b) { return a + b; }
static short neg_short(short s) { return -s; }
int main(void) {
    printf("%u\n", hash("hello world, this is a long string"));
    printf("%d %d %d\n", clampi(-5, 0, 10), clampi(50, 0, 10), clampi(5, 0, 10));
    printf("%u %u\n", sat_add(200, 100), wrap_add(200, 100));
    printf("%d\n", neg_short(-32768));
    unsigned x = 1; for (int i = 0; i < 40; i++) x *= 3; printf("%u\n", x);
    unsigned long long f = 1; for (int i = 1; i <= 25; i++) f *= i; printf("%llu\n", f);
    int total = 0; for (unsigned char c = 0; c < 200; c += 50) total += c; printf("%d\n", total);
    return 0;
}
