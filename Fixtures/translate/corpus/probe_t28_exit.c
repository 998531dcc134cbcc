// probe: t28_exit, a program written to test one corner of C's semantics in translation
// exit: 7
#include <stdio.h>
#include <stdlib.h>
static void bye1(void) { printf("bye1\n"); }
static void bye2(void) { printf("bye2\n"); }
static void deep(int n) {
    if (n == 0) { printf("exiting\n"); exit(7); }
    deep(n - 1);
    printf("never\n");
}
int main(void) {
    atexit(bye1);
    atexit(bye2);
    printf("start\n");
    deep(3);
    return 0;
}
