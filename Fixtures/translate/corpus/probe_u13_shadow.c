// probe: u13_shadow, a program written to test one corner of C's semantics in translation
#include <stdio.h>
int x = 1;
int main(void) {
    printf("%d\n", x);
    int x = 2;
    { int x = 3; printf("%d\n", x); { x++; int x = 10; printf("%d\n", x); } printf("%d\n", x); }
    printf("%d\n", x);
    for (int x = 0; x < 2; x++) { int y = x * 5; printf("%d ", y); }
    printf("%d\n", x);
    int i = 5;
    for (int i = 0; i < 3; i++) {}
    printf("%d\n", i);
    return 0;
}
