// Loans to another module's references. A local only ever lent for calls goes as `Some(&mut r)`,
// and a parameter passed on goes as the reference it became: area_of and tally need no unsafe.
// Raw pointers are converted: the address of a local also lent where it may be kept (rect_make),
// an array element, a heap object; and NULL, and one object lent twice to shared parameters.
// safe: area_of tally
// unsafe: main_0
#include <stdio.h>
#include <stdlib.h>
#include "shapes.h"

static int area_of(int w, int h) {
    struct rect r = {{0, 0}, {w, h}};
    return rect_area(&r);
}

static void tally(struct counter *c, int n) {
    for (int i = 1; i <= n; i++) counter_add(c, i);
}

static int apply(int (*f)(const struct counter *), const struct counter *c) { return f(c); }

int main(void) {
    struct point p = {4, 1}, q = {1, 5};
    struct rect r;
    rect_make(&r, &p, &q);
    printf("area %d\n", rect_area(&r));
    rect_make(&r, &r.hi, &p);   /* reads r.hi while it writes r */
    printf("rect %d,%d %d,%d area %d\n", r.lo.x, r.lo.y, r.hi.x, r.hi.y, rect_area(&r));
    printf("cmp %d %d %d\n", point_cmp(&p, &q), point_cmp(&q, &p), point_cmp(&p, &p));

    struct counter cs[3] = {{0, 0}, {0, 0}, {0, 0}};
    for (int i = 0; i < 9; i++) counter_add(&cs[i % 3], i * i);
    struct counter *h = malloc(sizeof *h);
    if (!h) return 1;
    h->n = 0;
    h->total = 0;
    counter_add(h, 10);
    counter_add(h, 31);
    printf("means %d %d %d %d none %d\n", counter_mean(&cs[0]), counter_mean(&cs[1]), counter_mean(&cs[2]), counter_mean(h),
           counter_mean(NULL));
    counter_bump_via(h, &h->n);   /* the number is the counter's own */
    printf("bumped %d %ld twice %d\n", h->n, h->total, apply(counter_twice, h));
    struct counter t = {0, 0};
    tally(&t, 4);
    tally(h, 2);
    printf("tally %d %ld mean %d area_of %d\n", t.n, t.total, counter_mean(h), area_of(3, 7));
    int status = counter_mean(h) + rect_area(&r);
    free(h);
    return status % 100;
}
