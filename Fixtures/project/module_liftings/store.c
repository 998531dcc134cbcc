// Liftings inside one module of a crate. `sum_into` is called only here: its parameters become
// references and slices. `checksum` and `scale` are called from main.c by their C signatures,
// and need no unsafe operation: they are safe functions, and so main.c may call them from safe
// code. `store_add` keeps the key it is given (another module's buffer).
// safe: sum_into checksum scale
// unsafe: store_add store_dump
#include <stdio.h>
#include "store.h"

static void sum_into(int *total, const int *v, int n) {
    for (int i = 0; i < n; i++) *total += v[i];
}

int checksum(int x) {
    int v[4] = {x, x * 2, x * 3, 7};
    int total = 0;
    sum_into(&total, v, 4);
    printf("checksum of %d is %d\n", x, total);
    return total;
}

int scale(int x) { return checksum(x) / 2; }

void store_add(struct store *s, char *key) {
    if (s->n < 8) s->keys[s->n++] = key;
}

void store_dump(const struct store *s) {
    for (int i = 0; i < s->n; i++) printf("key %d: %s\n", i, s->keys[i]);
}
