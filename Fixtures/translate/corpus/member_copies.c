// translate: a library call given the address of one member of a global or of a heap object,
// reading more than that member: `memcmp(&memo.errors, &args.errors, sizeof(bool[3]))` compares
// three bool members at once, as a memo of a regex compiler does (CRUST-bench's LTRE). A global
// in a cell, or a heap object behind a handle, lends such a place as a copy of the member alone:
// the call read past the copy, the memo never matched and the program did its work again. Such
// a global stays a static and such a record stays on the C heap. The near miss compares one
// member by its own size: the copy holds all the call reads.
// unsafe: remember same_key hit main_0
// exit: 0
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct options { int id; bool exact, partial, folded; };

static struct options memo;
static int compiled;

static int remember(struct options args) {
    if (memo.id == args.id && memcmp(&memo.exact, &args.exact, sizeof(bool[3])) == 0) return 1;
    memo = args;
    compiled++;
    return 0;
}

struct entry { int key; short lo, hi; struct entry *next; };

static int same_key(struct entry *a, struct entry *b) {
    return memcmp(&a->lo, &b->lo, 2 * sizeof(short)) == 0;
}

struct counter { int hits; int misses; };
static struct counter stats;

static int hit(int k) {
    int want = k;
    if (memcmp(&stats.hits, &want, sizeof(int)) == 0) return 1;
    stats.hits++;
    return 0;
}

int main(void) {
    struct options a = {1, true, false, true};
    int r = remember(a);
    r = r * 10 + remember(a);
    a.folded = false;
    r = r * 10 + remember(a);
    r = r * 10 + remember(a);
    printf("%d compiled %d\n", r, compiled);

    struct entry *e = malloc(sizeof *e), *f = malloc(sizeof *f);
    e->key = 1; e->lo = 3; e->hi = 9; e->next = f;
    f->key = 2; f->lo = 3; f->hi = 8; f->next = NULL;
    printf("%d", same_key(e, f));
    f->hi = 9;
    printf(" %d\n", same_key(e, f));
    free(e);
    free(f);

    int h = 0;
    for (int k = 0; k < 4; k++) h = h * 10 + hit(k / 2);
    printf("%d hits %d\n", h, stats.hits);
    return 0;
}
