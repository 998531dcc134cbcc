// strict: stack-address-escape -> rustc E0515 (returns a reference to a local)
#include <stdio.h>

static int *counter(void) {
    int n = 3;
    return &n;
}

int main(void) {
    int *c = counter();
    printf("%d\n", *c);
    return 0;
}
