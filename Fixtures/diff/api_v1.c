/* Version 1 of a small buffer API (oxidize diff fixture; v2 is api_v2.c). */
#include <stdlib.h>
#include <string.h>

struct buf {
    char *data;
    size_t len;
    const char *name;
};

/* Caller keeps ownership of b. */
size_t buf_len(const struct buf *b) { return b->len; }

/* Borrows name: the caller frees it later. */
void buf_set_name(struct buf *b, const char *name) { b->name = name; }

/* Takes ownership of data (frees it). */
void buf_adopt(struct buf *b, char *data) {
    free(b->data);
    b->data = data;
}

/* Reads through p only. */
int buf_peek(const struct buf *b, char *out) {
    if (b->len == 0) return -1;
    *out = b->data[0];
    return 0;
}

/* Returns a pointer into b. */
char *buf_first(struct buf *b) { return b->data; }

void buf_clear(struct buf *b) { b->len = 0; }

void buf_free(struct buf *b) {
    free(b->data);
    free(b);
}

int buf_fixed_bug(void) {
    char *p = malloc(4);
    if (!p) return -1;
    free(p);
    return p[0];
}

/* Writes through b in v1, only reads in v2 (mutability lost). */
size_t buf_touch(struct buf *b) {
    b->len = b->len;
    return b->len;
}
