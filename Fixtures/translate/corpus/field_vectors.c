// Struct members that own a malloc'd buffer, as C programs grow them: a dynamic array of ints
// (NULL at first, `realloc` of the member itself), a priority queue of records reallocated into
// a temporary that is checked and handed back, a stack allocated once with `malloc`, a buffer
// freed and set to NULL, one in a global record. Each member is a `Vec` its record owns, and the
// functions that reach them need no `unsafe`. Near misses keep raw pointers: a member tested
// against NULL (an empty vector cannot tell it from `malloc(0)`), a record copied by value (two
// owners of one buffer), and a pointer into the buffer kept beside it.
// The global record's member is a `Vec` too, in the record's thread-local cell
// (`histogram.set(|o| o.counts.resize(..))`).
// safe: vec_init vec_push vec_sum vec_free pq_push pq_min stack_run tally histogram_print
// unsafe: near_misses main_0
#include <stdio.h>
#include <stdlib.h>

struct vec { int *data; size_t len, cap; };

static void vec_init(struct vec *v) { v->data = NULL; v->len = 0; v->cap = 0; }

static void vec_push(struct vec *v, int x) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4;
        v->data = realloc(v->data, v->cap * sizeof *v->data);
    }
    v->data[v->len++] = x;
}

static long vec_sum(const struct vec *v) {
    long s = 0;
    for (size_t i = 0; i < v->len; i++) s += v->data[i];
    return s;
}

static void vec_free(struct vec *v) { free(v->data); v->data = NULL; v->len = v->cap = 0; }

struct job { int priority; char tag; };
struct pq { struct job *items; size_t size, cap; };

static int pq_push(struct pq *q, int priority, char tag) {
    if (q->size == q->cap) {
        size_t ncap = q->cap ? q->cap * 2 : 2;
        struct job *grown = realloc(q->items, ncap * sizeof *grown);
        if (grown == NULL) return -1;
        q->items = grown;
        q->cap = ncap;
    }
    q->items[q->size].priority = priority;
    q->items[q->size].tag = tag;
    q->size++;
    return 0;
}

static char pq_min(const struct pq *q) {
    size_t best = 0;
    for (size_t i = 1; i < q->size; i++)
        if (q->items[i].priority < q->items[best].priority) best = i;
    return q->size ? q->items[best].tag : '?';
}

struct stack { double *vals; int top; };

static double stack_run(int n) {
    struct stack s;
    s.vals = malloc(n * sizeof(double));
    s.top = 0;
    for (int i = 0; i < n; i++) s.vals[s.top++] = i / 4.0;
    double sum = 0;
    while (s.top > 0) {
        s.top--;
        sum += s.vals[s.top] * (s.top + 1);
    }
    free(s.vals);
    return sum;
}

static struct { unsigned *counts; int n; } histogram;

static void tally(int v) {
    if (v >= histogram.n) {
        histogram.counts = realloc(histogram.counts, (v + 1) * sizeof(unsigned));
        for (int i = histogram.n; i <= v; i++) histogram.counts[i] = 0;
        histogram.n = v + 1;
    }
    histogram.counts[v]++;
}

static void histogram_print(void) {
    for (int i = 0; i < histogram.n; i++) printf("%u%c", histogram.counts[i], i + 1 == histogram.n ? '\n' : ' ');
    free(histogram.counts);
    histogram.counts = NULL;
    histogram.n = 0;
}

struct buf { int *data; int n; };
struct pair { char *text; int n; };
struct keep { long *xs; long *cur; };

static void near_misses(void) {
    struct buf b = {0};
    if (b.data == NULL) printf("empty\n");
    b.data = malloc(0);
    printf("%s\n", b.data == NULL ? "null" : "not null");
    free(b.data);
    struct pair p;
    p.text = malloc(4);
    p.text[0] = 'x';
    p.n = 1;
    struct pair q = p;
    q.text[0] = 'y';
    printf("%c %d\n", p.text[0], q.n);
    free(p.text);
    struct keep k;
    k.xs = calloc(4, sizeof(long));
    k.cur = &k.xs[2];
    *k.cur = 5;
    printf("%ld\n", k.xs[2]);
    free(k.xs);
}

int main(void) {
    struct vec v;
    vec_init(&v);
    for (int i = 0; i < 100; i++) vec_push(&v, i * 3 - 50);
    printf("len=%zu cap=%zu sum=%ld v[50]=%d\n", v.len, v.cap, vec_sum(&v), v.data[50]);
    vec_free(&v);
    vec_push(&v, 7);
    printf("after free: len=%zu cap=%zu first=%d\n", v.len, v.cap, v.data[0]);
    vec_free(&v);

    struct pq q = {NULL, 0, 0};
    const char *tags = "kxqabz";
    for (int i = 0; i < 6; i++) pq_push(&q, (i * 37) % 11, tags[i]);
    printf("pq size=%zu cap=%zu min=%c\n", q.size, q.cap, pq_min(&q));
    free(q.items);

    printf("stack %.3f\n", stack_run(9));

    int samples[] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
    for (int i = 0; i < 11; i++) tally(samples[i]);
    histogram_print();

    near_misses();
    return 0;
}
