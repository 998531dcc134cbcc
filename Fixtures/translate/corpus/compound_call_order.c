// translate: a compound assignment whose right side calls a function that changes the left
// side (`g.count += bump()`, `x += add_ten(&x)`, `total += drain(list)`). C leaves the order of
// the left side's read and the call open; gcc and clang call first, and so must the Rust (it read
// the left side first: count=5 x=2 instead of count=6 x=12). The near miss has no call on the
// right side.
// safe: bump_count add_ten drain main_0
// exit: 6
#include <stdio.h>

static struct { int count; } g_st = {2};
static long total;

static int bump_count(void) { return ++g_st.count; }
static int add_ten(int *p) { *p += 10; return 1; }
static long drain(long *t) { long had = *t; *t = 0; return had + 1; }

int main(void) {
    g_st.count += bump_count();
    int x = 1;
    x += add_ten(&x);
    total = 40;
    total += drain(&total);
    int y = 3;
    y *= y + 1;
    printf("count=%d x=%d total=%ld y=%d\n", g_st.count, x, total, y);
    return g_st.count;
}
