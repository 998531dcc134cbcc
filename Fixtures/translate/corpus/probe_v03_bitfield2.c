// probe: v03_bitfield2, a program written to test one corner of C's semantics in translation
#include <stdio.h>
struct W { unsigned long long lo : 40; unsigned long long hi : 24; };
struct S { int a : 3; int b : 3; unsigned c : 2; };
struct __attribute__((packed)) P { unsigned char x : 3; unsigned short y : 10; unsigned z : 19; };
int main(void) {
    struct W w = {0};
    w.lo = 0xFFFFFFFFFFull; w.lo += 1; w.hi = 0xABCDEF;
    printf("%llx %llx\n", (unsigned long long)w.lo, (unsigned long long)w.hi);
    struct S s = {-4, 3, 3};
    printf("%d %d %u %d\n", s.a, s.b, s.c, s.a + s.b * s.c);
    s.a = s.b + 1; printf("%d\n", s.a);
    s.c = s.c + 1; printf("%u\n", s.c);
    struct P p = {5, 1000, 300000};
    printf("%zu %u %u %u\n", sizeof p, p.x, p.y, p.z);
    p.y <<= 1; p.z >>= 3; p.x = ~p.x; printf("%u %u %u\n", p.y, p.z, p.x);
    int t = s.a; t = (s.c ? s.a : s.b); printf("%d\n", t);
    unsigned int u = s.a; printf("%u\n", u);
    return 0;
}
