// probe: u02_printfs, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <string.h>
struct Name { char first[8]; char last[8]; };
static void greet(const char *who) { printf("hi %s!\n", who); }
static void show(char *buf) { printf("[%s] %zu\n", buf, strlen(buf)); }
char gbuf[16];
int main(void) {
    char b[10] = "ab";
    greet(b);
    show(b);
    struct Name n = {"ann", "lee"};
    printf("%s %s\n", n.first, n.last);
    strcpy(gbuf, "global"); printf("%s\n", gbuf);
    char t[6]; strncpy(t, "xy", sizeof t); printf("%s %d %d\n", t, t[3], t[5]);
    printf("%.2s|%5s|%-5s|\n", "hello", "ab", "cd");
    printf("%c%c%c\n", 72, 'i', 0x21);
    printf("%x %X %o %#o %#x\n", -1, 3054, 8, 8, 0);
    printf("%hhd %hd %hu\n", 300, 70000, 70000);
    printf("%ld %lu %lld\n", -5L, 5UL, -9LL);
    printf("%5.1f|%-8.3f|%08.2f\n", 3.14159, 2.0, -1.5);
    printf("%%d %s\n", "ok");
    int w = printf("abc\n"); printf("%d\n", w);
    puts("puts line");
    fputs("fputs\n", stdout);
    fprintf(stdout, "%s=%d\n", "x", 5);
    printf("%*d|%-*d|\n", 5, 42, 4, 7);
    printf("%.*f\n", 3, 1.0/3);
    return 0;
}
