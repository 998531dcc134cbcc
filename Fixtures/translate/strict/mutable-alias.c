// strict: mutable-alias -> rustc E0499 (two mutable borrows at once)
#include <stdio.h>

static void add_into(int *dst, int *src) {
    *dst += *src;
    *src = 0;
}

int main(void) {
    int a = 5;
    add_into(&a, &a);
    printf("%d\n", a);
    return 0;
}
