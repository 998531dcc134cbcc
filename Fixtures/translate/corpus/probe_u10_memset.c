// probe: u10_memset, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <string.h>
int main(void) {
    int a[4]; memset(a, -1, sizeof a); printf("%d %d\n", a[0], a[3]);
    memset(a, 1, sizeof a); printf("%d\n", a[2]);
    unsigned char b[5]; memset(b, 0x1ff, 5); printf("%u\n", b[4]);
    char s[8] = "abcdefg"; memset(s + 2, 'x', 3); printf("%s\n", s);
    memmove(s + 1, s, 5); printf("%s\n", s);
    char d[8]; memcpy(d, "12345678", 8); printf("%.8s\n", d);
    printf("%d\n", memcmp("abc", "abd", 3) < 0);
    printf("%d %d\n", strcmp("b", "a") > 0, strncmp("abcx", "abcy", 3));
    char *p = strchr("hello", 'l'); printf("%s\n", p);
    printf("%s\n", strstr("haystack", "st"));
    printf("%zu %zu\n", strspn("aabbc", "ab"), strcspn("hello", "lo"));
    return 0;
}
