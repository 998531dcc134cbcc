// probe: t25_strtol, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>
int main(void) {
    const char *inputs[] = {"123", "-42abc", "0x1F", "  077", "99999999999999999999", "zz", ""};
    for (int i = 0; i < 7; i++) {
        char *end; errno = 0;
        long v = strtol(inputs[i], &end, 0);
        printf("[%s] -> %ld rest='%s' errno=%d\n", inputs[i], v, end, errno == ERANGE);
    }
    printf("%lu\n", strtoul("ff", NULL, 16));
    printf("%d\n", atoi("  -17x"));
    printf("%.2f\n", strtod("3.14159e1xyz", NULL));
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%d-%s-%.1f", 7, "ab", 2.25);
    printf("%d %s\n", n, buf);
    char small[5];
    n = snprintf(small, sizeof small, "%s", "abcdefgh");
    printf("%d %s %zu\n", n, small, strlen(small));
    n = snprintf(NULL, 0, "%05d", 42); printf("%d\n", n);
    char out[64]; int pos = 0;
    for (int i = 0; i < 5; i++) pos += snprintf(out + pos, sizeof out - pos, "%d,", i * i);
    printf("%s\n", out);
    errno = 0; FILE *fp = fopen("/nonexistent/file", "r"); printf("%d %d\n", fp == NULL, errno == ENOENT);
    return 0;
}
