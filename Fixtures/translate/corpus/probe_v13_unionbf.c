// probe: v13_unionbf, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdint.h>
union Reg { uint32_t raw; struct { uint32_t en : 1; uint32_t mode : 3; uint32_t val : 12; uint32_t : 4; uint32_t hi : 12; } f; };
struct Flags { unsigned a : 1, b : 1, c : 1; signed d : 2; };
int main(void) {
    union Reg r = {0};
    r.f.en = 1; r.f.mode = 5; r.f.val = 0xABC; r.f.hi = 0xFFF;
    printf("%08x\n", r.raw);
    r.raw = 0x12345678; printf("%u %u %x %x\n", r.f.en, r.f.mode, r.f.val, r.f.hi);
    struct Flags fl = {1, 0, 1, -2};
    int packed = fl.a | fl.b << 1 | fl.c << 2; printf("%d %d\n", packed, fl.d);
    fl.d = 1; fl.d += 1; printf("%d\n", fl.d);
    fl.a = ~fl.a; printf("%u\n", fl.a);
    printf("%zu %zu\n", sizeof(union Reg), sizeof(struct Flags));
    return 0;
}
