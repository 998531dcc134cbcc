// probe: u03_literals, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <limits.h>
int main(void) {
    printf("%d\n", 0xFFFFFFFF == -1);
    long x = 0x80000000; printf("%ld\n", x);
    printf("%d\n", 2147483648 > 0);
    printf("%zu %zu %zu\n", sizeof(0xFFFFFFFF), sizeof(2147483648), sizeof(100));
    printf("%d %d\n", INT_MAX, INT_MIN);
    printf("%lld %llu\n", LLONG_MIN, ULLONG_MAX);
    printf("%u\n", UINT_MAX);
    printf("%d\n", -2147483647 - 1 < 0);
    printf("%ld\n", LONG_MAX / -1);
    printf("%d %d\n", 'A', '\n');
    printf("%d\n", 010 + 0x10 + 10);
    printf("%u\n", -1u);
    printf("%d\n", (int)-1u);
    printf("%lu\n", (unsigned long)-1);
    printf("%d\n", 1000000 * 2);
    printf("%lu\n", 1UL << 63);
    printf("%d\n", SCHAR_MIN + CHAR_BIT + SHRT_MAX);
    unsigned u = 0; printf("%u\n", u - 1);
    printf("%d\n", 7 / -2);
    printf("%d\n", -7 % -2);
    printf("%d\n", (-8) >> 1);
    return 0;
}
