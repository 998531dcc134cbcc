// probe: u18_floatint, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <math.h>
int main(void) {
    double vals[] = {2.5, -2.5, 3.5, 0.49999, -0.5, 1e9};
    for (int i = 0; i < 6; i++) printf("%d %ld %.0f %.0f %.0f | ", (int)vals[i], lround(vals[i]), floor(vals[i]), ceil(vals[i]), round(vals[i]));
    printf("\n");
    printf("%.4f %.4f %.4f\n", sqrt(2.0), pow(2, 0.5), fabs(-3.25));
    printf("%.3f %.3f\n", fmod(7.5, 2), fmod(-7.5, 2));
    int a = 7, b = 2; double q = a / b; double q2 = (double)a / b; printf("%.2f %.2f\n", q, q2);
    float f = 0.1f; double df = f; printf("%.10f\n", df);
    printf("%d\n", (int)(0.1f + 0.2f == 0.3f));
    printf("%d\n", 0.1 + 0.2 == 0.3);
    printf("%g %g\n", 1.0 / 0.0 > 1e308 ? 1.0 : 0.0, -0.0);
    printf("%f\n", -0.0);
    return 0;
}
