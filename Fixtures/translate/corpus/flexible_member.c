// translate: records with a flexible array member, allocated with their elements behind them
// (`malloc(sizeof *r + n * sizeof(int))`): a ring of samples and a length-prefixed string. The
// elements live past the record's own size, which a Rust `Box` of the record would not hold,
// so the translation keeps C's allocation
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ring { unsigned cap; unsigned head; int buf[]; };
struct pstr { size_t len; char text[]; };

static struct ring *ring_new(unsigned cap) {
    struct ring *r = malloc(sizeof *r + cap * sizeof(int));
    r->cap = cap;
    r->head = 0;
    for (unsigned i = 0; i < cap; i++) r->buf[i] = 0;
    return r;
}

static void ring_push(struct ring *r, int v) {
    r->buf[r->head] = v;
    r->head = (r->head + 1) % r->cap;
}

static struct pstr *pstr_new(const char *s) {
    size_t n = strlen(s);
    struct pstr *p = malloc(sizeof *p + n + 1);
    p->len = n;
    for (size_t i = 0; i <= n; i++) p->text[i] = s[i];
    return p;
}

int main(void) {
    struct ring *r = ring_new(4);
    for (int i = 1; i <= 10; i++) ring_push(r, i * i);
    int sum = 0;
    for (unsigned i = 0; i < r->cap; i++) sum += r->buf[i];
    printf("head %u sum %d last %d\n", r->head, sum, r->buf[(r->head + r->cap - 1) % r->cap]);
    struct pstr *p = pstr_new("flexible");
    printf("%zu %s %c\n", p->len, p->text, p->text[p->len - 1]);
    free(p);
    free(r);
    return 0;
}
