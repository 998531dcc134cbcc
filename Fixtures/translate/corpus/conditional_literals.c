// translate: a conditional of two integer literals in a type other than int (`long b = c ? -1 :
// 0u;` is `unsigned int`, so -1 is 4294967295 before it widens). Rust types an `if` of two
// literals as i32 (the idiomatic tier once printed -1): such a file goes to the faithful tier.
// tier: faithful
// exit: 0
#include <stdio.h>

int main(void) {
    int c = 1;
    long b = c ? -1 : 0u;
    long d = c ? 0u : 7;
    unsigned long e = !c ? 2 : -2L;
    printf("%ld %ld %lu\n", b, d, e);
    return 0;
}
