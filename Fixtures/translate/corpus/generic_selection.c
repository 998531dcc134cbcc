// translate: C11 _Generic in the shapes libraries use it: type-generic macros dispatching to functions, to builtins (count-leading-zeros by width), to format strings, over typedefs, pointers and default
// exit: 0
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>

#define clz(n) _Generic((n), \
        unsigned int: __builtin_clz(n), \
        unsigned long: __builtin_clzl(n), \
        unsigned long long: __builtin_clzll(n))

#define FMT(x) _Generic((x), int: "%d", unsigned int: "%u", long: "%ld", size_t: "%zu", \
                        double: "%.3f", float: "%.2f", char *: "%s", const char *: "'%s'", default: "?")
#define PRINT(x) (printf(FMT(x), (x)), putchar('\n'))

static float twicef(float x) { return 2 * x; }
static double twice(double x) { return 2 * x; }
static long twicen(long x) { return 2 * x; }
#define TWICE(x) _Generic((x), float: twicef, long: twicen, default: twice)(x)

typedef struct { int x, y; } point;
#define KIND(v) _Generic((v), point: "point", point *: "point pointer", int *: "int pointer", default: "something else")

int main(void) {
    size_t n = 1000;
    unsigned u = 1;
    unsigned long long big = 1ULL << 40;
    printf("%d %d %d\n", clz(n), clz(u), clz(big));
    int i = -3; long l = 1L << 40; double d = 2.5; float f = 1.25f;
    char buf[8]; strcpy(buf, "buf");
    const char *lit = "literal";
    PRINT(i); PRINT(u); PRINT(l); PRINT(n); PRINT(d); PRINT(f); PRINT(buf); PRINT(lit);
    printf("%s\n", FMT('c'));          /* a character constant is an int */
    printf("%s\n", FMT((short)1));     /* no association: default */
    printf("%.2f %.2f %ld\n", (double)TWICE(f), TWICE(3), TWICE(l));
    point p = {1, 2}; int k = 0;
    printf("%s / %s / %s / %s\n", KIND(p), KIND(&p), KIND(&k), KIND(d));
    return 0;
}
