// translate: hides a flag in the low bit of a pointer (an integer round trip nothing can prove)
// exit: 0
#include <stdint.h>
#include <stdio.h>

static uintptr_t tag(int *p, int flag) {
    return (uintptr_t)p | (uintptr_t)(flag & 1);
}

static int *untag(uintptr_t u) {
    return (int *)(u & ~(uintptr_t)1);
}

static int flag_of(uintptr_t u) {
    return (int)(u & 1);
}

int main(void) {
    int counter = 40;
    uintptr_t t = tag(&counter, 1);
    int *p = untag(t);
    *p += 2;
    printf("counter %d flag %d\n", *p, flag_of(t));
    return 0;
}
