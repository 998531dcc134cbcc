// translate: <ctype.h> as glibc has it in the "C" locale: every class macro and toupper/tolower over
// -128..255 (signed char and EOF included), the functions called by name ((isalpha)(c)) and out of
// the table's range, a string lowered in place; near miss: a class function taken as a pointer
// exit: 0
#include <stdio.h>
#include <ctype.h>
int (*fns[])(int) = {isalpha, isdigit};
int main(void) {
    unsigned long sum = 0;
    for (int c = -128; c < 256; c++) {
        int v[] = {isalpha(c), isdigit(c), isxdigit(c), isspace(c), isupper(c), islower(c), isalnum(c), ispunct(c),
                   isprint(c), isgraph(c), iscntrl(c), isblank(c), toupper(c), tolower(c), (isalpha)(c), (toupper)(c)};
        for (int i = 0; i < 16; i++) sum = sum * 31 + (unsigned)v[i];
        if (c % 37 == 0) printf("%d: %d %d %d %d\n", c, isalpha(c), isspace(c), toupper(c), ispunct(c));
    }
    printf("%lu %d %d\n", sum, toupper(1000), tolower(-1000));
    char s[] = "Hello, World 42!";
    int up = 0;
    for (char *p = s; *p; p++) { if (isupper((unsigned char)*p)) up++; *p = (char)tolower((unsigned char)*p); }
    printf("%d %s %d\n", up, s, fns[1]('7'));
    return 0;
}
