// translate: variables declared `_Alignas(16)` or `__attribute__((aligned(32)))`, as SIMD code and
// hash functions declare their accumulators (xxhash's `XXH_ALIGN(16) xxh_u64 acc[8]`): their
// addresses keep the alignment in every frame, also below smaller locals and in recursion
// (they were plain arrays, aligned to 8: xxhsum's aligned SSE2 loads crashed), past 64 too,
// through a macro (whose `n` oxidize does not read: 64), and for globals, a constant table and a
// static local. The near miss, a local with no alignment asked, keeps its type's.
// exit: 0
#include <stdint.h>
#include <stdio.h>

struct pair { uint32_t a, b; };

#define ALIGNED(n) _Alignas(n)

static int misaligned;
static uint64_t total;
static _Alignas(64) unsigned char arena[8];
static const _Alignas(32) uint32_t table[4] = {1, 2, 3, 4};

static void bump(uint64_t *p, int n) {
    for (int i = 0; i < n; i++) p[i] += (uint64_t)i;
}

static void frame(int depth) {
    char pad = (char)depth;
    _Alignas(16) uint64_t acc[4] = {1, 2, 3, 4};
    uint16_t small = 7;
    __attribute__((aligned(32))) struct pair pr = {3, 4};
    _Alignas(64) unsigned char line[64];
    uint64_t plain[2] = {5, 6};
    _Alignas(128) char big[4] = {1, 2, 3, 4};
    ALIGNED(32) uint32_t viamacro[3] = {7, 8, 9};
    static _Alignas(32) int counted[2];
    for (int i = 0; i < 64; i++) line[i] = (unsigned char)(i ^ depth);
    bump(acc, 4);
    bump(plain, 2);
    if ((uintptr_t)acc % 16 != 0) misaligned++;
    if ((uintptr_t)&pr % 32 != 0) misaligned++;
    if ((uintptr_t)line % 64 != 0) misaligned++;
    if ((uintptr_t)plain % 8 != 0) misaligned++;
    if ((uintptr_t)big % 128 != 0) misaligned++;
    if ((uintptr_t)viamacro % 32 != 0) misaligned++;
    if ((uintptr_t)counted % 32 != 0) misaligned++;
    if ((uintptr_t)arena % 64 != 0 || (uintptr_t)table % 32 != 0) misaligned++;
    counted[depth % 2] += depth;
    arena[depth % 8] += (unsigned char)depth;
    total += acc[0] + acc[3] + pr.a * pr.b + line[63] + plain[1] + (uint64_t)pad + small + (uint64_t)big[3] + viamacro[2]
             + table[depth % 4] + (uint64_t)counted[1] + arena[1];
    if (depth > 0) frame(depth - 1);
}

int main(void) {
    frame(9);
    printf("misaligned %d, total %llu\n", misaligned, (unsigned long long)total);
    return misaligned;
}
