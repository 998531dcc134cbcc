// translate: several elements of one array lent at once, read only: a minimum found with
// `less(&v[i], &v[best])`, a range test `between(&w[0], &w[1], &w[2])`, a comparison of two
// records of a table. Shared references of one array may live together in Rust, so each argument
// is `&v[i]`. The near miss: `copy_key(&v[0], &v[2])` writes one element while reading another
// of the same array, which two references cannot do at once; it and `main` keep raw pointers.
// safe: less between same_key
// unsafe: copy_key main_0
// exit: 1
#include <stdio.h>

struct rec { int key; int weight; };

static int less(const struct rec *a, const struct rec *b) {
    return a->key < b->key || (a->key == b->key && a->weight < b->weight);
}

static int between(const int *lo, const int *x, const int *hi) { return *lo <= *x && *x <= *hi; }

static int same_key(const struct rec *a, const struct rec *b) { return a->key == b->key; }

static void copy_key(struct rec *dst, const struct rec *src) { dst->key = src->key; }

int main(void) {
    struct rec v[5] = {{3, 9}, {1, 4}, {3, 2}, {1, 1}, {2, 8}};
    int best = 0;
    for (int i = 1; i < 5; i++)
        if (less(&v[i], &v[best])) best = i;
    int w[3] = {1, 5, 9};
    printf("best %d (%d, %d)\n", best, v[best].key, v[best].weight);
    printf("between %d %d\n", between(&w[0], &w[1], &w[2]), between(&w[1], &w[0], &w[2]));
    int pairs = 0;
    for (int i = 0; i < 5; i++)
        for (int j = i + 1; j < 5; j++) pairs += same_key(&v[i], &v[j]);
    copy_key(&v[0], &v[2]);
    printf("pairs %d, first key %d\n", pairs, v[0].key);
    return pairs - 1;
}
