// probe: t04_assignval, a program written to test one corner of C's semantics in translation
#include <stdio.h>
int main(void) {
    int a[5] = {0}, b[5] = {10, 20, 30, 40, 50};
    int i = 0, j = 4, x = 99;
    a[i++] = b[j--] = x;
    printf("%d %d %d %d %d\n", a[0], b[4], i, j, b[3]);
    int p, q, r;
    p = q = r = 7;
    printf("%d %d %d\n", p, q, r);
    int y = 1; x = y += 2; printf("%d %d\n", x, y);
    int k = 0;
    while ((k += 3) < 10) printf("k=%d\n", k);
    int c;
    if ((c = x * 2) > 5) printf("c=%d\n", c);
    int t = (p = 3, q = 4, p + q); printf("%d\n", t);
    for (i = 0, j = 10; i < j; i += 3, j -= 2) printf("%d,%d ", i, j);
    printf("\n");
    int m = 0; int n = (m++, m++, m); printf("%d %d\n", m, n);
    int *ptr = &a[1]; *ptr++ = 5; *ptr = *(ptr - 1) + 1; printf("%d %d\n", a[1], a[2]);
    int v = 0; v = v++ ? 1 : 2; printf("%d\n", v);
    return 0;
}
