// probe: u07_arrays, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static void rev(int *a, int n) { for (int i = 0, j = n - 1; i < j; i++, j--) { int t = a[i]; a[i] = a[j]; a[j] = t; } }
static int maxi(const int a[], int n) { int m = a[0]; for (int i = 1; i < n; i++) if (a[i] > m) m = a[i]; return m; }
static void qs(int *a, int lo, int hi) {
    if (lo >= hi) return;
    int p = a[(lo + hi) / 2], i = lo, j = hi;
    while (i <= j) { while (a[i] < p) i++; while (a[j] > p) j--; if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; } }
    qs(a, lo, j); qs(a, i, hi);
}
static void mat(int m[3][3]) { for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m[i][j] = (i + 1) * (j + 1); }
int main(void) {
    int a[7] = {4, -2, 9, 0, 7, 7, 1};
    rev(a, 7); for (int i = 0; i < 7; i++) printf("%d ", a[i]); printf("\n");
    printf("%d\n", maxi(a, 7));
    qs(a, 0, 6); for (int i = 0; i < 7; i++) printf("%d ", a[i]); printf("\n");
    rev(a + 2, 3); for (int i = 0; i < 7; i++) printf("%d ", a[i]); printf("\n");
    int m[3][3]; mat(m); int tr = 0; for (int i = 0; i < 3; i++) tr += m[i][i]; printf("%d\n", tr);
    int b[5] = {1, 2}; printf("%d %d\n", b[1], b[4]);
    return 0;
}
