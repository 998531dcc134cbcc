// translate: pointers into the middle of an array passed to functions: an element's neighbours
// read with a negative index, a recursive walk backwards from the last element, a middle found
// from a pointer past the start, a moving window over samples, and a 2-D array summed as one flat
// row through &m[0][0] (kept a pointer)
// exit: 0
#include <stdio.h>

static int around(const int *p, int k) { return p[k]; }

static int walk(const int *p, int n, int step) { return n == 0 ? 0 : *p + walk(p + step, n - 1, step); }

static int mid(const int *p, int lo, int hi) { return p[(lo + hi) / 2]; }

static double smooth3(const int *p) { return (p[-1] + p[0] + p[1]) / 3.0; }

static int count_peaks(const int *p, int n) {
    int peaks = 0;
    for (int i = 0; i < n; i++)
        if (p[i] > p[i - 1] && p[i] > p[i + 1])
            peaks++;
    return peaks;
}

static int flat_sum(const int *p, int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += p[i];
    return s;
}

int main(void) {
    int a[5] = {10, 20, 30, 40, 50};
    printf("around %d %d\n", around(&a[2], -1), around(a + 1, 3));
    printf("walk %d %d\n", walk(&a[4], 5, -1), walk(a, 5, 1));
    printf("mid %d\n", mid(a + 2, -2, 0));
    int samples[] = {3, 9, 4, 8, 2, 7, 7, 1};
    for (int i = 1; i < 7; i++)
        printf("%.2f%c", smooth3(&samples[i]), i == 6 ? '\n' : ' ');
    printf("peaks %d\n", count_peaks(samples + 1, 6));
    int m[2][3] = {{1, 2, 3}, {4, 5, 6}};
    printf("flat %d\n", flat_sum(&m[0][0], 6));
    return 0;
}
