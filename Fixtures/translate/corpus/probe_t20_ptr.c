// probe: t20_ptr, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stddef.h>
int main(void) {
    int a[10]; for (int i = 0; i < 10; i++) a[i] = i * 10;
    int *p = &a[2], *q = &a[7];
    ptrdiff_t d = q - p; printf("%td %td\n", d, p - q);
    printf("%d %d %d\n", p < q, p == q - 5, q >= a + 10);
    printf("%d\n", *(a + 4));
    printf("%d\n", 3[a]);
    int *e = a + 10; int cnt = 0; for (int *r = a; r != e; ++r) cnt += *r; printf("%d\n", cnt);
    char buf[16]; char *bp = buf; printf("%d\n", (int)((char *)&a[3] - (char *)&a[0]));
    *bp++ = 'x'; *bp++ = 'y'; *bp = 0; printf("%s %td\n", buf, bp - buf);
    int **pp = &p; **pp = 99; printf("%d\n", a[2]);
    void *vp = &a[5]; int *ip = vp; printf("%d\n", *ip);
    const int *cp = a; cp += 3; printf("%d\n", cp[-1]);
    int *np = NULL; printf("%d\n", np == 0);
    return 0;
}
