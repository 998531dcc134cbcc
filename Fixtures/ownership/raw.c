/* Nothing can be proven: unrelated casts, integer round-trips, unions, unknown code. */
#include <stdint.h>
#include <stdlib.h>

struct rw_a { int tag; int value; };
struct rw_b { float f; char c; };

/* Declared here, defined nowhere we can see, and in no model. */
extern void rw_mystery(void *p);

// expect param rw_pun.a raw
float rw_pun(struct rw_a *a) {
    // expect local rw_pun.b raw
    struct rw_b *b = (struct rw_b *)a;
    return b->f;
}

// expect return rw_align raw
// expect param rw_align.p raw
void *rw_align(void *p, size_t align) {
    // expect local rw_align.u value mutable
    uintptr_t u = (uintptr_t)p;
    u = (u + align - 1) & ~(uintptr_t)(align - 1);
    return (void *)u;
}

union rw_slot {
    // expect field rw_slot.ip raw
    int *ip;
    // expect field rw_slot.dp raw
    double *dp;
    long bits;
};

int rw_slot_read(union rw_slot s) {
    return s.ip ? *s.ip : 0;
}

// expect param rw_hand_off.p raw
void rw_hand_off(void *p) {
    rw_mystery(p);
}

void rw_leak_to_unknown(void) {
    // expect local rw_leak_to_unknown.h raw
    char *h = malloc(16);
    rw_mystery(h);
    free(h);
}
