// probe: u04_shortcircuit, a program written to test one corner of C's semantics in translation
// exit: 10
#include <stdio.h>
static int calls = 0;
static int t(int v) { calls++; printf("t%d ", v); return v; }
int main(void) {
    int r = t(0) && t(1); printf("| %d %d\n", r, calls);
    r = t(1) || t(2); printf("| %d %d\n", r, calls);
    r = t(0) || t(0) || t(3); printf("| %d %d\n", r, calls);
    r = (t(1) && t(0)) || t(4); printf("| %d %d\n", r, calls);
    int x = 5; r = x > 3 && x < 10; printf("%d\n", r);
    r = !!x + !x; printf("%d\n", r);
    int y = t(0) ? t(10) : t(20); printf("| %d\n", y);
    int z = 2 + (x == 5) * 10; printf("%d\n", z);
    int a = 0; if (a != 0 && 10 / a > 1) printf("no\n"); else printf("safe\n");
    return calls;
}
