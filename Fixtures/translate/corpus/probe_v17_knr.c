// probe: v17_knr, a program written to test one corner of C's semantics in translation
#include <stdio.h>
int add(a, b)
    int a; int b;
{
    return a + b;
}
double half(x) double x; { return x / 2; }
int main(void) {
    printf("%d %.2f\n", add(2, 3), half(5.0));
    return 0;
}
