// translate: objects that hold pointers into themselves or that a global points into: a
// buffered writer (`w->pos = w->buf`), a cursor attached to another object's array, a global
// that tracks an element. No parameter that reaches such an object is a reference (rustc would
// assume nothing else writes it while the reference lives, and an optimised build would read
// stale values); a function that only reads a plain object still borrows it.
// exit: 0
// safe: checksum
// unsafe: w_init w_put attach write_through track poke main_0
#include <stdio.h>
#include <string.h>

typedef struct { char buf[16]; char *pos; int flushes; unsigned sum; } Writer;

static void w_init(Writer *w) { w->pos = w->buf; w->flushes = 0; w->sum = 0; memset(w->buf, 0, sizeof w->buf); }

static void w_flush(Writer *w) {
    int n = (int)(w->pos - w->buf);
    for (int i = 0; i < n; i++) w->sum = w->sum * 31 + (unsigned char)w->buf[i];
    w->pos = w->buf;
    w->flushes++;
}

static int w_put(Writer *w, char c) {
    char first = w->buf[0];
    *w->pos = c;
    w->pos++;
    int changed = w->buf[0] != first;
    if (w->pos == w->buf + sizeof w->buf) w_flush(w);
    return changed;
}

typedef struct { int data[4]; int n; } Buffer;
typedef struct { int *pos; int writes; } Cursor;

static void attach(Cursor *c, Buffer *b) { c->pos = &b->data[1] - 1; c->writes = 0; }

static int write_through(Buffer *b, Cursor *c, int v) {
    int before = b->data[0];
    *c->pos = v;
    c->writes++;
    return b->data[0] - before;
}

typedef struct { int items[4]; int len; } Bag;
static int *tracked;

static void track(Bag *g) { tracked = g->items; }

static int poke(Bag *g) {
    int before = g->items[0];
    *tracked = 77;
    g->len++;
    return g->items[0] - before;
}

static unsigned checksum(const Bag *g) {
    unsigned s = 0;
    for (int i = 0; i < 4; i++) s = s * 7 + (unsigned)g->items[i];
    return s + (unsigned)g->len;
}

int main(void) {
    Writer w;
    w_init(&w);
    const char *text = "Hello, buffered world! Longer than sixteen bytes.";
    int changed = 0;
    for (const char *s = text; *s; s++) changed += w_put(&w, *s);
    w_flush(&w);
    printf("flushes=%d sum=%u changed=%d\n", w.flushes, w.sum, changed);

    Buffer b = {{50, 50, 50, 50}, 4};
    Cursor c;
    attach(&c, &b);
    int d = write_through(&b, &c, 8);
    printf("d=%d data0=%d writes=%d\n", d, b.data[0], c.writes);

    Bag g = {{1, 1, 1, 1}, 0};
    track(&g);
    int r = poke(&g);
    Bag plain = {{1, 2, 3, 4}, 2};
    printf("r=%d items0=%d sum=%u\n", r, g.items[0], checksum(&plain));
    return 0;
}
