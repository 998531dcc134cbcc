// probe: t19_char, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <ctype.h>
int main(void) {
    char c = (char)200;
    printf("%d\n", c);
    printf("%d\n", c < 0);
    signed char sc = (signed char)0x80; unsigned char uc = 0x80;
    printf("%d %d %d\n", sc, uc, sc == uc);
    char s[] = "Hello, World 123";
    int up = 0, dg = 0;
    for (char *p = s; *p; p++) { if (isupper((unsigned char)*p)) up++; if (isdigit(*p)) dg++; *p = toupper(*p); }
    printf("%d %d %s\n", up, dg, s);
    int h = 0; for (const char *p = "abc\xff"; *p; p++) h = h * 31 + *p;
    printf("%d\n", h);
    unsigned hu = 0; for (const char *p = "abc\xff"; *p; p++) hu = hu * 31 + (unsigned char)*p;
    printf("%u\n", hu);
    char digits[4]; for (int i = 0; i < 3; i++) digits[i] = '0' + i; digits[3] = 0; printf("%s\n", digits);
    printf("%d\n", 'a' * 2);
    printf("%zu %zu\n", sizeof('a'), sizeof(char));
    return 0;
}
