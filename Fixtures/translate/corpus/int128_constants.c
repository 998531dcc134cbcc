// translate: 128-bit constant expressions (`(__int128)1 << 100`, a product past 64 bits): clang
// folds them in 128 bits, and so must the translation (libclang hands out 64-bit values only,
// so such an expression is computed in the Rust, not copied as a truncated literal)
// exit: 0
#include <stdio.h>

int main(void) {
    __int128 a = (__int128)1 << 100;
    unsigned __int128 b = (unsigned __int128)3 << 70;
    __int128 c = (__int128)1000000007 * 1000000007 * 1000000007;
    unsigned __int128 m = ~(unsigned __int128)0;
    printf("%d %d %d %d\n", (int)(a >> 98), (int)(b >> 69), (int)(c % 1000), (int)(m >> 125));
    printf("%llu %llu\n", (unsigned long long)(c >> 64), (unsigned long long)c);
    return 0;
}
