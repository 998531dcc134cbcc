// translate: C99 parameters of variable-length array type: a vector `const double a[n]`, a
// matrix `double a[n][m]` (its rows m apart, m read when the function starts, as C reads it),
// `double (*a)[m]` and `double a[][m]`, a row handed to a function taking a plain pointer,
// fixed two-dimensional arrays and local variable-length ones given to them (with and without
// a cast), and a matrix product and transpose over them
// exit: 0
#include <stdio.h>

static double dot(int n, const double a[n], const double b[n]) {
    double s = 0;
    for (int i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}

static double rowsum(int m, const double *r) {
    double s = 0;
    for (int j = 0; j < m; j++)
        s += r[j];
    return s;
}

static double total(int n, int m, const double a[n][m]) {
    double s = 0;
    for (int i = 0; i < n; i++)
        s += rowsum(m, a[i]);
    m = 1; /* the rows stay as far apart as they were declared */
    s += a[1][0];
    return s;
}

static void fill(int n, int m, double (*a)[m]) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            a[i][j] = i * 10 + j;
}

static double corner(int n, int m, double a[][m]) { return a[n - 1][m - 1]; }

static void multiply(int n, int m, int p, const double a[n][m], const double b[m][p], double out[n][p]) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < p; j++) {
            double s = 0;
            for (int k = 0; k < m; k++)
                s += a[i][k] * b[k][j];
            out[i][j] = s;
        }
}

static void transpose(int n, int m, const double a[n][m], double t[m][n]) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            t[j][i] = a[i][j];
}

static void print(const char *name, int n, int m, const double a[n][m]) {
    printf("%s:\n", name);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++)
            printf(" %6.1f", a[i][j]);
        printf("\n");
    }
}

int main(void) {
    double x[4] = {1, 2, 3, 4}, y[4] = {0.5, -1, 2, 0};
    printf("dot %g\n", dot(4, x, y));

    double g[3][4];
    fill(3, 4, g);
    printf("total %g corner %g g[2][1] %g\n", total(3, 4, (const double (*)[4])g), corner(3, 4, g), g[2][1]);

    int n = 2, m = 5;
    double v[n][m];
    fill(n, m, v);
    printf("total %g corner %g\n", total(n, m, (const double (*)[m])v), corner(n, m, v));

    double a[2][3] = {{1, 2, 3}, {4, 5, 6}}, b[3][2] = {{7, 8}, {9, 10}, {11, 12}}, c[2][2], t[3][2];
    multiply(2, 3, 2, (const double (*)[3])a, (const double (*)[2])b, c);
    transpose(2, 3, (const double (*)[3])a, t);
    print("a x b", 2, 2, (const double (*)[2])c);
    print("a transposed", 3, 2, (const double (*)[2])t);
    return 0;
}
