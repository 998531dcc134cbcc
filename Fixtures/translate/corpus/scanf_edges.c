// translate: scanf's edges as glibc reads them: `inf`, `-Infinity` and `nan` for %lf, a number
// whose exponent has no digits (`2ex`: the number before the `e`, the `e` consumed), a width
// that cuts an exponent, and `%*d %d` meeting the end of input after the skipped number (EOF,
// not 0: a skipped conversion stores nothing); fpclassify and isnormal of what was read
// exit: 0
// stdin: scanf_edges.in
#include <math.h>
#include <stdio.h>

static const char *kind(double x) {
    switch (fpclassify(x)) {
    case FP_NAN: return "nan";
    case FP_INFINITE: return "inf";
    case FP_ZERO: return "zero";
    case FP_SUBNORMAL: return "subnormal";
    default: return "normal";
    }
}

int main(void) {
    double a, b, c, d, e;
    int got = scanf("%lf %lf %lf", &a, &b, &c);
    printf("%d %s %s %s %d\n", got, kind(a), kind(b), kind(c), b < 0);
    got = scanf("%lf", &d);
    int next = getchar();
    printf("%d %.1f [%c]\n", got, d, next);
    got = scanf("%3lf", &e);
    printf("%d %.1f %d\n", got, e, isnormal(e) != 0);
    double tiny;
    got = scanf("%lf", &tiny);
    printf("%d %s\n", got, kind(tiny));
    int kept = -1;
    got = scanf("%*d %d", &kept);
    printf("%d %d\n", got, kept);
    return 0;
}
