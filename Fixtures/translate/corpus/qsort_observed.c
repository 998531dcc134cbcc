// translate: qsort whose comparator can be watched: one prints every comparison (the order of
// calls is glibc's merge sort's), one always answers "after" (its result is the algorithm's),
// and one over 40-byte records reports which slot each operand is in (glibc sorts records over
// 32 bytes through their indexes, so they stay in their slots until the end)
// exit: 0
#include <stdio.h>
#include <stdlib.h>

struct wide { int key; int pad[9]; };
static const struct wide *base;

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

static int by_key_where(const void *a, const void *b) {
    const struct wide *x = a, *y = b;
    printf("%d@%d ", x->key, (int)(x - base));
    return x->key - y->key;
}

int main(void) {
    int v[] = {3, 1, 2, 5, 4};
    qsort(v, 5, sizeof v[0], loud);
    printf("\n%d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4]);
    int w[] = {0, 1, 2, 3, 4};
    qsort(w, 5, sizeof w[0], always_after);
    printf("%d %d %d %d %d\n", w[0], w[1], w[2], w[3], w[4]);
    struct wide r[4] = {{2, {0}}, {0, {0}}, {3, {0}}, {1, {0}}};
    base = r;
    qsort(r, 4, sizeof r[0], by_key_where);
    printf("\n%d %d %d %d\n", r[0].key, r[1].key, r[2].key, r[3].key);
    return 0;
}
