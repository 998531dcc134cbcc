// probe: t27_misc, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdbool.h>
static inline int sq(int x) { return x * x; }
static inline bool between(int x, int lo, int hi) { return x >= lo && x <= hi; }
const double PI = 3.14159;
static const int TABLE[] = {1, 1, 2, 3, 5, 8};
int main(void) {
    int s = 0;
    for (int i = 0; i < 100; i++) if (__builtin_expect(i % 7 == 0, 0)) s += sq(i);
    printf("%d\n", s);
    _Bool b = 5; printf("%d\n", b);
    bool c = 0.1; printf("%d\n", c);
    bool d = between(5, 1, 10) && !between(0, 1, 10); printf("%d\n", d);
    int cnt = (b == 1) + (c == true) + d; printf("%d\n", cnt);
    printf("%.2f\n", PI * sq(2));
    printf("%d\n", TABLE[5] + TABLE[sizeof TABLE / sizeof TABLE[0] - 2]);
    b = b + 1; printf("%d\n", b);
    b = 0; b |= 4; printf("%d\n", b);
    int x = 3; bool bx = x & 2; printf("%d %d\n", bx, !x);
    printf("%d\n", __builtin_popcount(255u));
    return 0;
}
