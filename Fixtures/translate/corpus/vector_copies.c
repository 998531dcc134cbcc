// translate: buffers from malloc moved about with memmove, memcpy and memset, as array code
// does: a growable array of records kept sorted by inserting with `memmove(items + i + 1,
// items + i, ...)` and removing with the opposite shift, a window of samples that drops its
// oldest with `memmove(buf, buf + k, ...)`, a snapshot copied out into a local array and back,
// a buffer cleared with `memset(p, 0, n * sizeof *p)` and byte patterns filled from offsets
// (`bytes + 4`, `bytes + 12 - 3`),
// a matrix from `malloc(sizeof(double) * rows * cols)` whose rows move down one.
// Every buffer is a Vec and every copy a slice copy or fill: no unsafe. (The near misses, a
// count of part of an element and elements that are unions, are in slice_copies.c.)
// safe: main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    int key;
    double weight;
    char tag[8];
};

int main(void) {
    int cap = 2, n = 0;
    struct entry *items = malloc(cap * sizeof *items);
    int keys[] = {40, 10, 30, 20, 50, 25};
    for (int k = 0; k < 6; k++) {
        if (n == cap) {
            cap *= 2;
            items = realloc(items, cap * sizeof *items);
        }
        int i = 0;
        while (i < n && items[i].key < keys[k]) i++;
        memmove(items + i + 1, items + i, (n - i) * sizeof *items);
        items[i].key = keys[k];
        items[i].weight = keys[k] / 4.0;
        snprintf(items[i].tag, sizeof items[i].tag, "k%d", keys[k]);
        n++;
    }
    /* remove the second entry */
    memmove(&items[1], &items[2], (n - 2) * sizeof(struct entry));
    n--;
    for (int i = 0; i < n; i++) printf("%d:%.2f:%s ", items[i].key, items[i].weight, items[i].tag);
    printf("\n");

    struct entry saved[3];
    memcpy(saved, items, sizeof saved);
    memset(items, 0, 2 * sizeof *items);
    printf("%d %d %s|", items[0].key, items[1].key, items[1].tag);
    memcpy(items, saved, 2 * sizeof saved[0]);
    printf("%d %d %s\n", items[0].key, items[1].key, saved[2].tag);

    int window = 8;
    long *samples = calloc(window, sizeof(long));
    int filled = 0;
    for (long v = 1; v <= 20; v++) {
        if (filled == window) {
            memmove(samples, samples + 3, (window - 3) * sizeof samples[0]);
            filled -= 3;
        }
        samples[filled++] = v * v;
    }
    long sum = 0;
    for (int i = 0; i < filled; i++) sum += samples[i];
    printf("window %d sum %ld first %ld\n", filled, sum, samples[0]);

    int rows = 3, cols = 4;
    double *grid = malloc(sizeof(double) * rows * cols);
    for (int i = 0; i < rows * cols; i++) grid[i] = i * 0.5;
    memmove(grid + cols, grid, (rows - 1) * cols * sizeof *grid);
    printf("grid %.1f %.1f %.1f\n", grid[0], grid[cols], grid[rows * cols - 1]);
    free(grid);

    unsigned char *bytes = malloc(12);
    memset(bytes, 0, 12);
    memset(bytes + 4, 0xab, 4);
    memset(bytes + 12 - 3, 0x11, 2);
    short *halves = malloc(4 * sizeof(short));
    memset(halves, 0xff, 4 * sizeof(short));
    for (int i = 0; i < 12; i++) printf("%02x", bytes[i]);
    printf(" %d %d\n", halves[0], halves[3]);

    free(halves);
    free(bytes);
    free(samples);
    free(items);
    return 0;
}
