// translate: a const array parameter (const U32 rep[3]) is a const pointer, as the function-pointer type that holds it says
// exit: 0
#include <stdio.h>
/* zstd_opt.c: ZSTD_getAllMatchesFn table; parameter `const U32 rep[ZSTD_REP_NUM]` */
typedef unsigned U32;
typedef U32 (*getFn)(const U32 rep[3], U32 ll0);
static U32 get_a(const U32 rep[3], U32 ll0) { return rep[0] + ll0; }
static U32 get_b(const U32 rep[3], U32 ll0) { return rep[2] * ll0; }
static const getFn table[2] = { get_a, get_b };
int main(int argc, char **argv) {
    U32 rep[3] = {1, 4, 8};
    (void)argv;
    printf("%u %u\n", table[0](rep, 5), table[argc > 5](rep, 5));
    return 0;
}
