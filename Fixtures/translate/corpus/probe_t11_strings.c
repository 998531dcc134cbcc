// probe: t11_strings, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <string.h>
int main(void) {
    char a[] = "hello";
    char b[5] = "hello";
    char c[10] = "hi";
    char d[3][4] = {"ab", "cde", "f"};
    printf("%zu %zu %zu\n", sizeof a, sizeof b, strlen(c));
    for (int i = 0; i < 5; i++) putchar(b[i]);
    putchar('\n');
    for (int i = 0; i < 10; i++) printf("%d ", c[i]);
    printf("\n");
    for (int i = 0; i < 3; i++) printf("%s,", d[i]);
    printf("\n");
    const char *p = "wor" "ld";
    printf("%s %zu\n", p, strlen(p));
    char e[] = "a\0b";
    printf("%zu %d\n", sizeof e, e[2]);
    char f[] = "\x41\102\n";
    printf("%s", f);
    a[0] = 'J'; printf("%s\n", a);
    struct { char name[8]; int n; } st = {"bob", 3};
    printf("%s %d\n", st.name, st.n);
    printf("%c\n", "xyz"[1]);
    printf("%d\n", (int)sizeof("abc"));
    return 0;
}
