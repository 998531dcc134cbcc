// translate: numbers swapped and updated through two pointers that may be one, as sorting code
// does: `swap(&v[i], &v[j])` in a selection sort, `swap(v + i, v + j)` in a reversal, `swap(a,
// &a[5])`, `swap(&p, &p)`, a caller's own references handed on (`order(x, y)`), and `add_to(&d[1],
// &d[1])` on doubles. Two `&mut` of one array cannot be lent at once, and C allows both to be the
// same element: each parameter is a `&Cell<T>`, each caller lends one view of its array as cells,
// and every read and write happens in C's order. The near miss: `larger` returns one of its
// pointers, so its pointers are more than numbers read and written, and it and `main` keep raw
// pointers.
// safe: swap add_to sort reverse order
// unsafe: larger main_0
// exit: 1
#include <stdio.h>

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }

static void add_to(double *acc, double *x) { *acc += *x; *x = 0; }

static void sort(int *v, int n) {
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (v[j] < v[i]) swap(&v[i], &v[j]);
}

static void reverse(int *v, int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) swap(v + i, v + j);
}

static void order(int *x, int *y) {
    if (*x > *y) swap(x, y);
}

static int *larger(int *a, int *b) { return *a >= *b ? a : b; }

int main(void) {
    int a[6] = {5, 3, 9, 1, 7, 3};
    sort(a, 6);
    for (int i = 0; i < 6; i++) printf("%d ", a[i]);
    printf("\n");
    reverse(a, 6);
    swap(&a[2], &a[2]);
    swap(a, &a[5]);
    for (int i = 0; i < 6; i++) printf("%d ", a[i]);
    printf("\n");
    int p = 9, q = 4;
    order(&p, &q);
    swap(&p, &p);
    double d[3] = {1.5, 2.5, 3.0};
    add_to(&d[0], &d[2]);
    add_to(&d[1], &d[1]);
    printf("%d %d %.1f %.1f %.1f\n", p, q, d[0], d[1], d[2]);
    int c[2] = {4, 6};
    *larger(&c[0], &c[1]) += 100;
    printf("%d %d\n", c[0], c[1]);
    return a[0] % 10;
}
