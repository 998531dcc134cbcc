// probe: v11_ptrops, a program written to test one corner of C's semantics in translation
#include <stdio.h>
struct P { int x; int arr[3]; struct P *next; };
static int g = 5;
static void scopy(char *d, const char *s) { while ((*d++ = *s++)); }
int main(void) {
    struct P a = {1, {1, 2, 3}, 0}, b = {10, {4, 5, 6}, &a};
    struct P *p = &b;
    p->x++; ++p->next->x; (*p).arr[1]++; p->next->arr[2] += p->arr[0]--;
    printf("%d %d %d %d %d\n", b.x, a.x, b.arr[1], a.arr[2], b.arr[0]);
    int v[4] = {1, 2, 3, 4}; int *q = v;
    ++*q++; printf("%d %d %d\n", v[0], *q, (int)(q - v));
    *q++ += 10; printf("%d %d\n", v[1], *q);
    char buf[16]; scopy(buf, "copied"); printf("%s\n", buf);
    int x = 0, y = 1, c = 0;
    x = c ? y : (y = 7); printf("%d %d\n", x, y);
    int *r = g > 3 ? &x : &y; (*r)++; printf("%d %d\n", x, y);
    volatile int vol = 3; vol += g; printf("%d\n", vol);
    unsigned char idx = 200; int tab[256] = {0}; tab[idx] = 9; char sc = (char)200; printf("%d\n", tab[(unsigned char)sc]);
    int *mid = &v[2]; printf("%d %d\n", mid[-2], *(mid - 1));
    struct P *lst = &b; int sum = 0; while (lst) { sum += lst->x; lst = lst->next; } printf("%d\n", sum);
    int k = (g++, g++, g); printf("%d %d\n", k, g);
    return 0;
}
