// translate: <math.h> as numeric code uses it: trigonometry, exponentials and logarithms printed
// to the last bit (%.17g), pow with integer arguments converted, float variants (sqrtf, floorf),
// rounding to integers (lround, llround, trunc, round of halves), fmod of negatives, hypot and
// atan2, a Newton iteration checked against sqrt, and errno set by a domain error
// exit: 0
// safe: domain_error main_0
#include <errno.h>
#include <math.h>
#include <stdio.h>

static double newton_sqrt(double x) {
    double g = x > 1 ? x / 2 : 1;
    for (int i = 0; i < 60; i++) g = 0.5 * (g + x / g);
    return g;
}

static double poly(double x) { return pow(x, 3) - 2 * pow(x, 2) + exp(-x) * cos(x); }

static int domain_error(void) {
    errno = 0;
    double r = log(-1.0);
    return errno == EDOM && isnan(r);
}

int main(void) {
    double xs[] = {0.1, 1.0, 2.5, -3.75, 100.0};
    for (int i = 0; i < 5; i++) {
        double x = xs[i];
        printf("%.17g %.17g %.17g %.17g\n", sin(x), cos(x), atan(x), exp(x / 10));
        printf("%.17g %.17g %.17g\n", log(fabs(x)), log10(fabs(x)), cbrt(x));
        printf("%ld %lld %.1f %.1f %.3f\n", lround(x), llround(-x), trunc(x), round(x + 0.5), fmod(x, 1.5));
    }
    printf("%.17g %.17g\n", hypot(3, 4), atan2(-1.0, -1.0));
    printf("%.9g %.9g\n", (double)sqrtf(2.0f), (double)floorf(-1.5f));
    printf("%.17g %.17g %d\n", newton_sqrt(2.0), sqrt(2.0), newton_sqrt(2.0) == sqrt(2.0));
    printf("%.12g\n", poly(1.25));
    printf("%d\n", domain_error());
    return 0;
}
