// probe: u14_unsignedloop, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <string.h>
int main(void) {
    int cnt = 0;
    for (unsigned char c = 250; c != 4; c++) cnt++;
    printf("%d\n", cnt);
    const char *s = "abcdef";
    for (size_t i = strlen(s); i > 0; i--) putchar(s[i - 1]);
    putchar('\n');
    unsigned n = 5; int k = -1;
    if (k < n) printf("lt\n"); else printf("ge\n");
    if (k < (int)n) printf("lt2\n");
    unsigned short us = 0; us--; printf("%u\n", us);
    int idx = -1; size_t len = 3; printf("%d\n", idx < len);
    long lk = -1; printf("%d\n", lk < n);
    unsigned long long big = 10; int neg = -20; printf("%llu\n", big + neg);
    return 0;
}
