// probe: v05_voidcond, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static int g;
static void inc(void) { g++; }
static void dec(void) { g--; }
static int side(int *p) { return ++*p; }
int main(void) {
    for (int i = 0; i < 5; i++) i % 2 ? inc() : dec();
    printf("%d\n", g);
    (void)side(&g);
    int r = (inc(), g * 10); printf("%d\n", r);
    int x = 0; x = side(&x) + side(&x); printf("%d\n", x);
    char buf[] = "abc"; char *p = buf; int n = 0; while (*p++) n++; printf("%d %td\n", n, p - buf);
    const char *s = "A" "\x42" "\103" "D\0E"; printf("%s %zu\n", s, sizeof("A" "\x42" "\103" "D\0E"));
    return 0;
}
