// translate: init and reset functions that clear the object they are given with
// memset(p, 0, sizeof *p) or memset(p, 0, sizeof(struct T)), as C libraries write them: a ring
// buffer, a statistics record reset before new values, a record holding an array of records;
// near miss that keeps the C library: a clear of part of the object
// safe: ring_init ring_put ring_sum stats_reset stats_add grid_clear
// unsafe: clear_head
// exit: 0
#include <stdio.h>
#include <string.h>

struct ring {
    int head, tail, count;
    int items[8];
};

struct stats {
    long sum;
    int n;
    int max;
};

struct cell {
    short kind;
    double weight;
};

struct grid {
    int rows, cols;
    struct cell cells[3][3];
};

static void ring_init(struct ring *r) { memset(r, 0, sizeof *r); }

static void ring_put(struct ring *r, int v) {
    r->items[r->tail] = v;
    r->tail = (r->tail + 1) % 8;
    if (r->count < 8) r->count++; else r->head = (r->head + 1) % 8;
}

static long ring_sum(const struct ring *r) {
    long s = 0;
    for (int i = 0, at = r->head; i < r->count; i++, at = (at + 1) % 8) s += r->items[at];
    return s;
}

static void stats_reset(struct stats *s) {
    memset(s, 0, sizeof(struct stats));
    s->max = -1;
}

static void stats_add(struct stats *s, int v) {
    s->sum += v;
    s->n++;
    if (v > s->max) s->max = v;
}

static void grid_clear(struct grid *g, int rows, int cols) {
    memset(g, 0, sizeof *g);
    g->rows = rows;
    g->cols = cols;
}

static void clear_head(struct ring *r) { memset(r, 0, 2 * sizeof(int)); }

int main(void) {
    struct ring r;
    ring_init(&r);
    for (int i = 1; i <= 11; i++) ring_put(&r, i * i);
    printf("ring head %d tail %d count %d sum %ld\n", r.head, r.tail, r.count, ring_sum(&r));
    clear_head(&r);
    printf("after clear_head: head %d tail %d count %d\n", r.head, r.tail, r.count);

    struct stats st = {5, 6, 7};
    stats_reset(&st);
    for (int v = 3; v < 40; v += 7) stats_add(&st, v);
    printf("stats sum %ld n %d max %d\n", st.sum, st.n, st.max);

    struct grid g;
    g.cells[1][2].weight = 4.5;
    grid_clear(&g, 3, 3);
    double w = 0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) w += g.cells[i][j].weight + g.cells[i][j].kind;
    printf("grid %dx%d weight %g\n", g.rows, g.cols, w);
    return 0;
}
