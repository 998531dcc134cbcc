// probe: u11_mainret, a program written to test one corner of C's semantics in translation
// exit: 116
#include <stdio.h>
static int compute(int x) { return x * 3 - 200; }
int main(void) {
    int v = compute(20);
    printf("%d\n", v);
    if (v < 0) return v;
    return 0;
}
