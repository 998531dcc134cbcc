// translate: memcpy and memcmp with a constant count that runs past the array member they are
// given, into the members after it, as binary headers and grids are copied: `memcpy(b->magic,
// a->magic, sizeof a->magic + sizeof a->ver)`, `memcmp(a->magic, b->magic, 8)`, `memcpy(flat,
// b->grid[0], sizeof b->grid)`. A slice of the one member panicked (range end past its length):
// these stay the C library's copies. And a literal copied whole into a `char` array (`memcpy(tag,
// "abcde", 6)`) had the literal's unsigned bytes, which rustc rejected in both tiers. The near
// misses copy and compare within one member.
// unsafe: main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct header { char magic[4]; char ver[4]; int len; };
struct board { int grid[2][3]; };
struct record { char tag[6]; int n; };

static struct record rec;

int main(void) {
    struct header *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
    if (!a || !b) return 1;
    strcpy(a->magic, "RIF");
    strcpy(a->ver, "v1");
    memcpy(b->magic, a->magic, sizeof a->magic + sizeof a->ver);
    printf("%s %s %d\n", b->magic, b->ver, memcmp(a->magic, b->magic, 8) == 0);
    b->ver[1] = '2';
    printf("%d %d\n", memcmp(a->magic, b->magic, 8) < 0, memcmp(a->magic, b->magic, 4) == 0);
    memcpy(b->ver, a->ver, sizeof b->ver);
    printf("%s\n", b->ver);

    struct board *g = malloc(sizeof *g);
    if (!g) return 1;
    for (int r = 0; r < 2; r++) for (int c = 0; c < 3; c++) g->grid[r][c] = r * 3 + c;
    int flat[6], row[3];
    memcpy(flat, g->grid[0], sizeof g->grid);
    memcpy(row, g->grid[1], sizeof row);
    printf("%d %d %d\n", flat[2], flat[5], row[0]);

    char tag[6];
    memcpy(tag, "abcde", 6);
    memcpy(rec.tag, "vwxyz", 6);
    rec.n = 5;
    printf("%s %s %d\n", tag, rec.tag, rec.n);
    free(a); free(b); free(g);
    return 0;
}
