// probe: t16_union, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdint.h>
#include <string.h>
union FU { float f; uint32_t u; unsigned char b[4]; };
union DU { double d; uint64_t u; };
static uint32_t fbits(float f) { union FU x; x.f = f; return x.u; }
static float ffrom(uint32_t u) { union FU x = {.u = u}; return x.f; }
int main(void) {
    printf("%08x\n", fbits(1.0f));
    printf("%08x\n", fbits(-2.5f));
    printf("%f\n", ffrom(0x40490fdb));
    union DU d; d.d = 1.0; printf("%016llx\n", (unsigned long long)d.u);
    union FU z; z.u = 0x01020304; printf("%d %d\n", z.b[0], z.b[3]);
    float f = 3.0f; uint32_t u; memcpy(&u, &f, 4); printf("%08x\n", u);
    union { int i; short s[2]; char c; } m; m.i = 0x12345678; printf("%x %x %x\n", m.s[0], m.s[1], m.c);
    printf("%zu\n", sizeof(union FU));
    return 0;
}
