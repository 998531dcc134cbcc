// translate: qsort over 40-byte records whose comparator reports which slot each operand is in:
// glibc sorts records over 32 bytes through their indexes, so they stay in their slots until
// the end (qsort_loud watches the order of comparisons)
// exit: 0
#include <stdio.h>
#include <stdlib.h>

struct wide { int key; int pad[9]; };
static const struct wide *base;

static int by_key_where(const void *a, const void *b) {
    const struct wide *x = a, *y = b;
    printf("%d@%d ", x->key, (int)(x - base));
    return x->key - y->key;
}

int main(void) {
    struct wide r[4] = {{2, {0}}, {0, {0}}, {3, {0}}, {1, {0}}};
    base = r;
    qsort(r, 4, sizeof r[0], by_key_where);
    printf("\n%d %d %d %d\n", r[0].key, r[1].key, r[2].key, r[3].key);
    return 0;
}
