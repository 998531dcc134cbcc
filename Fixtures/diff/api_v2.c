/* Version 2 of a small buffer API (oxidize diff fixture; v1 is api_v1.c). */
#include <stdlib.h>
#include <string.h>

struct buf {
    char *data;
    size_t len;
    char *name;
};

/* Caller keeps ownership of b. */
size_t buf_len(const struct buf *b) { return b->len; }

/* Now takes ownership of name: callers must stop freeing it. */
void buf_set_name(struct buf *b, char *name) {
    free(b->name);
    b->name = name;
}

/* Now only copies data: callers that relied on the hand-over now leak. */
void buf_adopt(struct buf *b, const char *data) {
    free(b->data);
    b->data = strdup(data);
}

/* Now also writes through out... and through b. */
int buf_peek(struct buf *b, char *out) {
    if (b->len == 0) return -1;
    *out = b->data[0];
    b->len--;
    return 0;
}

/* Now returns a fresh copy. */
char *buf_first(struct buf *b) { return strdup(b->data); }

void buf_free(struct buf *b) {
    free(b->name);
    free(b->data);
    free(b);
}

/* New in v2. */
struct buf *buf_new(void) { return calloc(1, sizeof(struct buf)); }

int buf_fixed_bug(void) {
    char *p = malloc(4);
    if (!p) return -1;
    int c = p[0];
    free(p);
    return c;
}

int buf_new_bug(void) {
    char *q = malloc(8);
    if (!q) return -1;
    q[0] = 1;
    return 0;
}

/* Writes through b in v1, only reads in v2 (mutability lost). */
size_t buf_touch(struct buf *b) {
    return b->len;
}
