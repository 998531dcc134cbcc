// probe: t17_bitfield, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <string.h>
struct F { unsigned a : 3; int b : 5; unsigned c : 8; int d : 1; unsigned e : 16; };
#pragma pack(1)
struct PK { char c; int i; unsigned x : 4; unsigned y : 12; };
#pragma pack()
struct __attribute__((packed)) AP { char c; short s; int i; };
union UB { struct { unsigned lo : 4, hi : 4; } n; unsigned char byte; };
int main(void) {
    struct F f; memset(&f, 0, sizeof f);
    f.a = 9; f.b = -3; f.c = 300; f.d = -1; f.e = 70000;
    printf("%u %d %u %d %u\n", f.a, f.b, f.c, f.d, f.e);
    f.b = 15; f.b += 1; printf("%d\n", f.b);
    printf("%zu\n", sizeof(struct F));
    struct PK p = {'a', 1234567, 5, 4095};
    printf("%zu %c %d %u %u\n", sizeof p, p.c, p.i, p.x, p.y);
    p.y += 2; printf("%u\n", p.y);
    struct AP ap = {'z', -5, 99};
    printf("%zu %d %d\n", sizeof ap, ap.s, ap.i);
    union UB u; u.byte = 0xA5; printf("%u %u\n", u.n.lo, u.n.hi);
    u.n.hi = 3; printf("%u\n", u.byte);
    int sum = f.a + f.b * f.c; printf("%d\n", sum);
    printf("%d\n", f.a - 10 < 0);
    return 0;
}
