// translate: an int array from malloc handed to functions that fill, sum, search and sort it
// (whole, and from an element on: a + 6), grown with realloc and filled from the middle (a + n),
// freed; the buffer is a Vec lent as slices, and the functions take &mut [i32] / &[i32]
// exit: 0
#include <stdio.h>
#include <stdlib.h>
static void fill(int *a, int n) { for (int i = 0; i < n; i++) a[i] = (i * 37) % 11; }
static long sum(const int *a, int n) { long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static int max_after(const int *a, int n) { int m = a[0]; for (int i = 1; i < n; i++) if (a[i] > m) m = a[i]; return m; }
static void bubble(int *a, int n) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j + 1 < n - i; j++)
            if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
}
int main(int argc, char **argv) {
    int n = argc > 5 ? 5 : 12;
    int *a = malloc((size_t)n * sizeof *a);
    if (!a) return 1;
    fill(a, n);
    printf("sum=%ld max=%d tailmax=%d\n", sum(a, n), max_after(a, n), max_after(a + 6, n - 6));
    bubble(a, n);
    for (int i = 0; i < n; i++) printf("%d ", a[i]);
    printf("\n");
    a = realloc(a, 2 * (size_t)n * sizeof *a);
    fill(a + n, n);
    printf("sum2=%ld\n", sum(a, 2 * n));
    free(a);
    return 0;
}
