// The other module: `report` calls store.c's safe functions and prints through the one standard
// output both modules share (their lines interleave as the C's do, also into a pipe). The keys
// `main` allocates are kept by `store_add` after each iteration: they stay C heap buffers (as
// vectors they were freed at the end of each iteration and the store printed freed memory).
// safe: report
// unsafe: main_0
#include <stdio.h>
#include <stdlib.h>
#include "store.h"

static int report(int x) {
    int c = scale(x);
    printf("report %d: %d\n", x, c);
    return c + checksum(1);
}

int main(void) {
    struct store s = {{0}, 0};
    for (int i = 0; i < 3; i++) {
        char *key = malloc(3);
        key[0] = (char)('a' + i);
        key[1] = (char)('x' + i);
        key[2] = 0;
        store_add(&s, key);
    }
    printf("total %d\n", report(5));
    store_dump(&s);
    for (int i = 0; i < s.n; i++) free(s.keys[i]);
    return 0;
}
