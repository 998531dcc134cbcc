// probe: u20_strfunc, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <string.h>
#include <ctype.h>
static void upcase(char *s) { for (; *s; s++) *s = toupper((unsigned char)*s); }
static int count_words(const char *s) { int n = 0, in = 0; while (*s) { if (isspace((unsigned char)*s)) in = 0; else if (!in) { in = 1; n++; } s++; } return n; }
static void trim(char *s) { size_t n = strlen(s); while (n > 0 && s[n - 1] == ' ') s[--n] = 0; }
int main(void) {
    char a[32] = "hello big world  ";
    printf("%d\n", count_words(a));
    trim(a); printf("[%s]\n", a);
    upcase(a); printf("%s\n", a);
    char b[32]; strcpy(b, a); strcat(b, "!"); printf("%s %zu\n", b, strlen(b));
    char *tok = strtok(b, " "); while (tok) { printf("<%s>", tok); tok = strtok(NULL, " "); } printf("\n");
    char num[16]; sprintf(num, "%05.1f", 3.14159); printf("%s\n", num);
    return 0;
}
