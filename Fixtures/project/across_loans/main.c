// Raw loans from another module: the address of a local, a member, an array element, a heap
// object, NULL, and one object lent twice to shared parameters.
// unsafe: main_0
#include <stdio.h>
#include <stdlib.h>
#include "shapes.h"

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
    int status = counter_mean(h) + rect_area(&r);
    free(h);
    return status % 100;
}
