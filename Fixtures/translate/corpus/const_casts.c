// translate: loans through explicit casts that only add `const`, as careful C code writes them to
// satisfy a `const` parameter: `trace((const double (*)[N])a)` for a matrix, `sum((const int
// *)v, n)`, `show((const char *)name)`. The cast changes no object and no type but the
// qualifier, so the argument is lent as if it were not there: the matrix as `&[[f64; 3]]`, the
// array as `&[i32]`. The near miss: `checksum((const unsigned char *)text, n)` reinterprets
// `char`s as `unsigned char`s, a different element type, so `checksum` and `main` keep raw
// pointers.
// safe: trace scale sum bump
// unsafe: checksum main_0
// exit: 3
#include <stdio.h>
#include <string.h>
#define N 3

static double trace(const double m[N][N]) {
    double t = 0;
    for (int i = 0; i < N; i++) t += m[i][i];
    return t;
}

static void scale(double m[N][N], double k) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) m[i][j] *= k;
}

static int sum(const int *p, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += p[i];
    return s;
}

static void bump(int *p, int n) {
    for (int i = 0; i < n; i++) p[i] += i;
}

static unsigned checksum(const unsigned char *p, size_t n) {
    unsigned h = 0;
    for (size_t i = 0; i < n; i++) h = h * 31 + p[i];
    return h;
}

int main(void) {
    double a[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) a[i][j] = i * 1.5 + j;
    scale(a, 2.0);
    printf("trace %.2f\n", trace((const double (*)[N])a));
    int v[5] = {4, 8, 15, 16, 23};
    bump(v, 5);
    printf("sum %d\n", sum((const int *)v, 5));
    printf("part %d\n", sum((const int *)(v + 2), 3));
    char text[] = "caf\xc3\xa9 au lait";
    printf("checksum %u\n", checksum((const unsigned char *)text, strlen(text)));
    return sum((const int *)v, 2) % 10;
}
