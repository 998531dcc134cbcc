// probe: v09_structret, a program written to test one corner of C's semantics in translation
#include <stdio.h>
struct Pair { int a[2]; };
struct Big { struct Pair p[3]; double d; };
static struct Big mk(void) { struct Big b = {{{{1, 2}}, {{3, 4}}, {{5, 6}}}, 0.5}; return b; }
static struct Pair swap(struct Pair p) { int t = p.a[0]; p.a[0] = p.a[1]; p.a[1] = t; return p; }
typedef struct Pair (*PF)(struct Pair);
int main(void) {
    printf("%d %.1f\n", mk().p[2].a[1], mk().d);
    struct Big b = mk();
    b.p[0] = swap(b.p[0]);
    printf("%d %d\n", b.p[0].a[0], b.p[0].a[1]);
    PF f = swap; struct Pair q = f(f(b.p[1])); printf("%d %d\n", q.a[0], q.a[1]);
    struct Big c; c = b; c.p[1].a[0] = 99; printf("%d %d\n", b.p[1].a[0], c.p[1].a[0]);
    struct Big arr[2] = {mk(), mk()}; arr[1].d = 9; printf("%.1f %.1f\n", arr[0].d, arr[1].d);
    return 0;
}
