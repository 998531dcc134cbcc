#include <stdio.h>

double edge(double volume);
int root_errno(double x);
unsigned long long choose(int n, int k);

int main(void) {
    const double v[] = {27.0, 2.0, 0.1};
    for (int i = 0; i < 3; i++) printf("cbrt(%g) = %.17g\n", v[i], edge(v[i]));
    printf("errno after sqrt(-1): %s\n", root_errno(-1.0) ? "set" : "0");
    printf("C(40, 20) = %llu, C(60, 3) = %llu\n", choose(40, 20), choose(60, 3));
    return root_errno(4.0);
}
