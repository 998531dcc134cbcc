// translate: arrays passed to functions the way C does it, a pointer and a length: sum, reverse,
// insertion sort, quicksort on sub-arrays (a + lo), binary search, a histogram filled through
// an out-array, copying with memcpy, a matrix row by row; and the shapes that are no plain
// slice (an index before the start, a pointer walked with ++, one kept in a global)
// exit: 0
#include <stdio.h>
#include <string.h>

static long sum(const int *a, int n) {
    long s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

static void reverse(int *a, int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}

static void insertion_sort(int *a, int n) {
    for (int i = 1; i < n; i++) {
        int v = a[i], j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void quicksort(int *a, int n) {
    if (n < 2)
        return;
    int pivot = a[n / 2], i = 0, j = n - 1;
    while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
            i++;
            j--;
        }
    }
    quicksort(a, j + 1);
    quicksort(a + i, n - i);
}

static int find(const int *a, int n, int key) {
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] == key) return mid;
        if (a[mid] < key) lo = mid + 1;
        else hi = mid - 1;
    }
    return -1;
}

static void histogram(const int *a, int n, int *bins, int nbins, int width) {
    for (int b = 0; b < nbins; b++)
        bins[b] = 0;
    for (int i = 0; i < n; i++) {
        int b = a[i] / width;
        if (b >= 0 && b < nbins)
            bins[b]++;
    }
}

static void print_all(const char *label, const int *a, int n) {
    printf("%s:", label);
    for (int i = 0; i < n; i++)
        printf(" %d", a[i]);
    printf("\n");
}

static double row_mean(const double *row, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += row[i];
    return n ? s / n : 0.0;
}

static int before_start(const int *p) { return p[-1] + p[0]; }

static int walk(const int *p, int n) {
    int s = 0;
    while (n-- > 0)
        s += *p++;
    return s;
}

static const int *kept;
static void keep(const int *p) { kept = p; }

int main(void) {
    int data[] = {42, 7, 19, 3, 88, 61, 7, 25, 14, 50};
    int n = (int)(sizeof data / sizeof data[0]);
    print_all("data", data, n);
    printf("sum=%ld\n", sum(data, n));
    int copy[10];
    memcpy(copy, data, sizeof data);
    insertion_sort(copy, n);
    print_all("insertion", copy, n);
    quicksort(data, n);
    print_all("quicksort", data, n);
    printf("find 61 -> %d, find 5 -> %d\n", find(data, n, 61), find(data, n, 5));
    reverse(data + 2, 5);
    print_all("reversed middle", data, n);
    int bins[5];
    histogram(copy, n, bins, 5, 20);
    print_all("bins", bins, 5);
    double m[3][4] = {{1, 2, 3, 4}, {0.5, 0.5, 0.5, 0.5}, {10, -10, 5, 0}};
    for (int r = 0; r < 3; r++)
        printf("row %d mean %.3f\n", r, row_mean(m[r], 4));
    int other[] = {5, 6, 7, 8};
    printf("before_start=%d walk=%d\n", before_start(&other[1]), walk(other, 4));
    keep(other);
    other[0] = 1000;
    printf("kept[0]=%d total=%d\n", kept[0], walk(kept, 3));
    return 0;
}
