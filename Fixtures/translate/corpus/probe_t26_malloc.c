// probe: t26_malloc, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct Item { int id; double w; char tag[4]; };
int main(void) {
    int cap = 2, n = 0;
    struct Item *items = malloc(cap * sizeof *items);
    for (int i = 0; i < 10; i++) {
        if (n == cap) { cap *= 2; items = realloc(items, cap * sizeof *items); }
        items[n].id = i; items[n].w = i * 1.5; snprintf(items[n].tag, 4, "t%d", i); n++;
    }
    double tot = 0; for (int i = 0; i < n; i++) tot += items[i].w;
    printf("%d %d %.1f %s\n", n, cap, tot, items[9].tag);
    memmove(items + 1, items, 3 * sizeof *items);
    printf("%d %d %d %d\n", items[0].id, items[1].id, items[2].id, items[3].id);
    memset(items, 0, sizeof *items);
    printf("%d %.1f\n", items[0].id, items[0].w);
    free(items);
    int *z = calloc(5, sizeof(int)); int s = 0; for (int i = 0; i < 5; i++) s += z[i]; printf("%d\n", s); free(z);
    char *str = malloc(6); strcpy(str, "hello"); str = realloc(str, 12); strcat(str, " you"); printf("%s\n", str); free(str);
    int **rows = malloc(3 * sizeof(int *));
    for (int i = 0; i < 3; i++) { rows[i] = malloc((i + 1) * sizeof(int)); for (int j = 0; j <= i; j++) rows[i][j] = i + j; }
    for (int i = 0; i < 3; i++) { printf("%d ", rows[i][i]); free(rows[i]); }
    free(rows); printf("\n");
    return 0;
}
