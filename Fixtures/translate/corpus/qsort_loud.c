// translate: qsort in a program simple enough for the idiomatic tier: a comparator that prints
// each comparison and one that always answers "after"; the sort is glibc's merge sort, call for
// call (Rust's own sort would compare in another order and leave another result)
// exit: 0
#include <stdio.h>
#include <stdlib.h>

static int loud(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    printf("%d,%d ", x, y);
    return (x > y) - (x < y);
}

static int always_after(const void *a, const void *b) {
    (void)a;
    (void)b;
    return 1;
}

int main(void) {
    int v[6] = {3, 1, 2, 6, 5, 4};
    qsort(v, 6, sizeof(int), loud);
    printf("\n");
    for (int i = 0; i < 6; i++) printf("%d ", v[i]);
    printf("\n");
    int w[5] = {0, 1, 2, 3, 4};
    qsort(w, 5, sizeof(int), always_after);
    for (int i = 0; i < 5; i++) printf("%d ", w[i]);
    printf("\n");
    return 0;
}
