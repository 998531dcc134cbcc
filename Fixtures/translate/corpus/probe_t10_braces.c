// probe: t10_braces, a program written to test one corner of C's semantics in translation
#include <stdio.h>
struct S { int a; char b; short c[2]; };
int main(void) {
    int a[2][2] = {1, 2, 3, 4};
    printf("%d %d %d %d\n", a[0][0], a[0][1], a[1][0], a[1][1]);
    int b[3][2] = {{1}, 2, 3, {4}};
    for (int i = 0; i < 3; i++) printf("%d %d|", b[i][0], b[i][1]);
    printf("\n");
    struct S s[2] = {1, 'x', 3, 4, 5, 'y', 7};
    for (int i = 0; i < 2; i++) printf("%d %c %d %d|", s[i].a, s[i].b, s[i].c[0], s[i].c[1]);
    printf("\n");
    int c[] = {5, 6, 7};
    printf("%zu\n", sizeof c / sizeof c[0]);
    int d[2][3][2] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    printf("%d %d\n", d[1][0][1], d[0][2][0]);
    struct { int x; int y[3]; } t = {1, 2, 3};
    printf("%d %d %d %d\n", t.x, t.y[0], t.y[1], t.y[2]);
    return 0;
}
