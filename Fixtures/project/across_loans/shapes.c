// Functions main.c calls directly. Those that need no unsafe operation once their pointers are
// references take `Option<&T>` / `Option<&mut T>`, and main.c lends its raw pointers (None for
// NULL): rect_area, point_cmp (two shared loans may be one object), counter_add, counter_mean
// (tests NULL). Near misses keep their C signatures: rect_make writes a rectangle while it
// reads points that may lie inside it (main.c lends `&r.hi`), counter_bump_via writes a counter
// while reading a number that may be its own, and main.c takes counter_twice's address.
// safe: rect_area point_cmp counter_add counter_mean
// unsafe: rect_make counter_bump_via counter_twice
#include "shapes.h"

int rect_area(const struct rect *r) {
    return (r->hi.x - r->lo.x) * (r->hi.y - r->lo.y);
}

void rect_make(struct rect *r, const struct point *a, const struct point *b) {
    r->lo.x = a->x < b->x ? a->x : b->x;
    r->lo.y = a->y < b->y ? a->y : b->y;
    r->hi.x = a->x > b->x ? a->x : b->x;
    r->hi.y = a->y > b->y ? a->y : b->y;
}

int point_cmp(const struct point *a, const struct point *b) {
    if (a->x != b->x) return a->x < b->x ? -1 : 1;
    if (a->y != b->y) return a->y < b->y ? -1 : 1;
    return 0;
}

void counter_add(struct counter *c, int v) {
    c->n++;
    c->total += v;
}

int counter_mean(const struct counter *c) {
    if (!c || c->n == 0) return -1;
    return (int)(c->total / c->n);
}

void counter_bump_via(struct counter *c, const int *delta) {
    c->total += *delta;
    c->n += *delta;
}

int counter_twice(const struct counter *c) {
    return c->n * 2;
}
