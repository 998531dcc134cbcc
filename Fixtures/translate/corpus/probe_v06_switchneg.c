// probe: v06_switchneg, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static int f(signed char c) {
    switch (c) { case -1: return 1; case -128: return 2; case 127: return 3; default: return 0; }
}
static int g(unsigned u) {
    switch (u) { case 0xFFFFFFFFu: return 1; case 0x80000000u: return 2; default: return 0; }
}
static int h(long v) {
    switch (v) { case 1L << 40: return 5; case -(1L << 40): return 6; }
    return 0;
}
int main(void) {
    printf("%d %d %d %d\n", f(-1), f((signed char)0x80), f(127), f(0));
    printf("%d %d %d\n", g(-1), g(1u << 31), g(3));
    printf("%d %d %d\n", h(1L << 40), h(-(1L << 40)), h(2));
    char c = 'b';
    switch (c) { case 'a' ... 'c': printf("range\n"); break; default: printf("none\n"); }
    return 0;
}
