// probe: u19_exitcode, a program written to test one corner of C's semantics in translation
// exit: 1
#include <stdio.h>
#include <stdlib.h>
static void check(int v) { if (v > 3) { fprintf(stderr, "too big\n"); exit(EXIT_FAILURE); } }
int main(void) {
    for (int i = 0; i < 10; i++) { printf("%d\n", i); check(i); }
    return 0;
}
