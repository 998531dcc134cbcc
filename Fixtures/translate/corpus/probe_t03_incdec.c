// probe: t03_incdec, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdbool.h>
struct B { unsigned a : 3; signed b : 4; unsigned c : 1; };
int main(void) {
    int arr[5] = {1, 2, 3, 4, 5};
    int *p = arr; p++; ++p; printf("%d\n", *p); p--; printf("%d\n", *p);
    int *q = p++; printf("%d %d\n", *q, *p);
    float f = 1.5f; f++; ++f; printf("%f\n", f); f--; printf("%f\n", f);
    double d = 0.25; double d1 = d++; double d2 = ++d; printf("%f %f %f\n", d1, d2, d);
    bool b = false; b++; printf("%d\n", b); b++; printf("%d\n", b);
    struct B s = {7, 7, 1};
    s.a++; printf("%u\n", s.a);
    s.b++; printf("%d\n", s.b);
    s.c++; printf("%u\n", s.c);
    s.b = -8; s.b--; printf("%d\n", s.b);
    char c = 127; c++; printf("%d\n", c);
    unsigned char uc = 0; uc--; printf("%u\n", uc);
    int i = 0; int a2[4] = {0}; a2[i++] = 5; a2[i] = i; printf("%d %d %d\n", a2[0], a2[1], i);
    int x = 5; int y = x++ + 10; printf("%d %d\n", x, y);
    int z = --x * 2; printf("%d %d\n", x, z);
    return 0;
}
