// probe: v21_desig_idiom, a program written to test one corner of C's semantics in translation
#include <stdio.h>
struct In { int a, b; };
struct Out { int x; struct In in; int y, z; };
int main(void) {
    int a[5] = {1, 2, 3, [0] = 9};
    int b[5] = {[1] = 5, [1] = 6, 7};
    struct Out o = {.in.b = 4, 5, 6};
    struct Out p = {.y = 1, 2, .x = 3};
    struct Out q = {1, 2, 3, 4, 5};
    struct In arr[3] = {[2].b = 8, [0] = {1}, 9};
    int c[] = {[3] = 1, [1] = 2};
    char s[6] = {[2] = 'x', 'y'};
    printf("%d %d %d %d %d\n", a[0], a[1], b[1], b[2], b[3]);
    printf("%d %d %d %d %d\n", o.x, o.in.a, o.in.b, o.y, o.z);
    printf("%d %d %d\n", p.x, p.y, p.z);
    printf("%d %d %d %d %d\n", q.x, q.in.a, q.in.b, q.y, q.z);
    printf("%d %d %d %d %d %d\n", arr[0].a, arr[0].b, arr[1].a, arr[1].b, arr[2].a, arr[2].b);
    printf("%zu %d %d %d %d\n", (size_t)c[3], s[0], s[2], s[3], s[4]);
    return 0;
}
