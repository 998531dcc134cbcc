// translate: integer arithmetic edge cases: unsigned wrap, promotions of small types, mixed-sign compares, negative / and %
// exit: 0
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

static unsigned int checksum(const unsigned char *p, int n) {
    unsigned int h = 0;
    for (int i = 0; i < n; i++)
        h = h * 31u + p[i]; /* wraps modulo 2^32 by design */
    return h;
}

int main(void) {
    unsigned int u = 0;
    u--;
    printf("0u - 1 = %u, UINT_MAX + 1 = %u\n", u, u + 1u);
    uint8_t b = 250;
    b += 10;
    uint16_t w = 65535;
    w++;
    printf("uint8 250+10 = %u, uint16 65535+1 = %u\n", b, w);

    unsigned char c1 = 200, c2 = 100;
    int sum = c1 + c2; /* promoted to int: no wrap */
    unsigned char wrapped = (unsigned char)(c1 + c2);
    printf("c1+c2 = %d, stored in uchar = %u, sizeof(c1+c2) = %zu\n", sum, wrapped, sizeof(c1 + c2));
    short s1 = 30000, s2 = 30000;
    int sprod = s1 * s2;
    printf("short*short as int = %d\n", sprod);
    unsigned char inv = ~c1; /* ~ works on the promoted int */
    printf("~c1 as int = %d, stored = %u\n", ~c1, inv);

    int neg = -1;
    unsigned int one = 1;
    printf("-1 < 1u: %d, -1 < (int)1u: %d\n", neg < one, neg < (int)one);
    long lneg = -1;
    printf("-1L < 1u: %d (long is wider)\n", lneg < one);
    unsigned short us = 1;
    printf("-1 < (unsigned short)1: %d (promoted to int)\n", neg < us);

    int nums[] = {7, -7};
    int dens[] = {2, -2};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            printf("%2d / %2d = %2d, %2d %% %2d = %2d\n", nums[i], dens[j], nums[i] / dens[j], nums[i],
                   dens[j], nums[i] % dens[j]);
    printf("-7 >> 1 = %d, -7 / 2 = %d\n", -7 >> 1, -7 / 2);

    int n = 30000;
    long big = 100000L * n;
    long long bigger = (long long)INT_MAX * 4;
    printf("100000 * n = %ld, INT_MAX * 4 = %lld\n", big, bigger);
    printf("INT_MIN = %d, -(INT_MIN + 1) = %d, UINT_MAX/3 = %u\n", INT_MIN, -(INT_MIN + 1), UINT_MAX / 3);

    unsigned int a = 5, bb = 7;
    printf("5u - 7u = %u, as int = %d, (int)(a - bb) / 2 = %d\n", a - bb, (int)(a - bb), (int)(a - bb) / 2);
    double avg = (double)(int)(a + bb) / 2;
    printf("avg = %.2f, int avg = %u, mixed = %.2f\n", avg, (a + bb) / 2, (a + bb) / 2.0);

    signed char sc = (signed char)0xF0;
    printf("signed char 0xF0 = %d, as unsigned = %u, (unsigned char) = %u\n", sc, (unsigned)sc,
           (unsigned char)sc);
    int64_t i64 = -5;
    uint64_t u64 = (uint64_t)i64;
    printf("(uint64_t)-5 = %llu, back = %lld\n", (unsigned long long)u64, (long long)(int64_t)u64);

    const unsigned char msg[] = "wrap-around";
    printf("checksum = %u\n", checksum(msg, (int)sizeof msg - 1));
    for (int i = -3; i <= 3; i++)
        printf("%d mod 3 = %d (floor %d)\n", i, i % 3, ((i % 3) + 3) % 3);
    return 0;
}
