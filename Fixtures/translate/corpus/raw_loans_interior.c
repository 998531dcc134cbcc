// translate: pointers into an object kept beside the object (`int *errs = &p->errors;
// step(p, errs)`, `&o->n` of a one-element malloc): the buffer stays a raw pointer (no Vec that
// a slice could lend while a pointer into it lives) and the helpers given both keep raw pointers,
// since the two may overlap (rustc would assume they do not). A helper given only the interior
// pointer still borrows it for its call.
// exit: 3
// safe: count_into
// unsafe: step reset_both
#include <stdio.h>
#include <stdlib.h>

struct parser { int pos; int errors; int depth; };
struct outer { int n; int m; };

static int step(struct parser *p, int *counter) {
    p->errors = 0;
    *counter += 3;
    p->pos += 1;
    return p->errors * 100 + p->pos;
}

static int reset_both(struct outer *o, int *i) {
    o->n = 1;
    *i = 2;
    return o->n;
}

static void count_into(int *counter, int k) { *counter += k; }

int main(void) {
    struct parser *p = malloc(sizeof *p);
    p->pos = 0; p->errors = 0; p->depth = 0;
    int *errs = &p->errors;
    int r = step(p, errs);
    count_into(errs, 4);
    printf("r=%d pos=%d errors=%d\n", r, p->pos, p->errors);
    struct outer *o = malloc(sizeof *o);
    o->n = 0; o->m = 0;
    int *ip = &o->n;
    int q = reset_both(o, ip);
    printf("q=%d n=%d\n", q, o->n);
    free(o);
    free(p);
    return q + 1;
}
