// translate: an empty asm statement used as an optimisation barrier (xxhash's XXH_COMPILER_GUARD), kept as nothing
// exit: 0
struct bf { unsigned a : 3; } g_bf = {5};
#include <stdio.h>
/* xxhash.h XXH_COMPILER_GUARD: empty asm used only as an optimisation barrier */
#define GUARD(var) __asm__ __volatile__("" : "+r" (var))
int main(void) {
    unsigned acc = 7;
    for (int i = 0; i < 5; i++) { acc = acc * 31 + i; GUARD(acc); }
    printf("%u %u\n", acc, g_bf.a);
    return 0;
}
