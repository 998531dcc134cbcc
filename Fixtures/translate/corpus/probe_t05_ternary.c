// probe: t05_ternary, a program written to test one corner of C's semantics in translation
#include <stdio.h>
struct P { int x, y; };
static struct P mk(int a) { struct P p = {a, a * 2}; return p; }
int main(int argc, char **argv) {
    (void)argv;
    int c = argc > 0;
    struct P p1 = {1, 2}, p2 = {3, 4};
    struct P r = c ? p1 : p2; printf("%d %d\n", r.x, r.y);
    struct P r2 = !c ? mk(5) : mk(6); printf("%d %d\n", r2.x, r2.y);
    double d = c ? 1 : 2.5; printf("%f\n", d);
    unsigned u = 1; int neg = -1;
    long v = c ? neg : u; printf("%ld\n", v);
    int a = 1, b = 2;
    *(c ? &a : &b) = 42; printf("%d %d\n", a, b);
    int *pp = !c ? &a : &b; *pp += 1; printf("%d\n", b);
    printf("%s\n", c ? "yes" : "no");
    int n = c ? c > 0 ? 10 : 20 : 30; printf("%d\n", n);
    printf("%d\n", (c ? p1 : p2).y);
    char ch = c ? 'A' : 66; printf("%c\n", ch);
    printf("%d\n", (int)sizeof(c ? (char)1 : (char)2));
    return 0;
}
