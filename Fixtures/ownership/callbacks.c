/* Calls through function pointers whose targets are not known here (a library's callbacks):
   a pointer argument is lent for the call, as Rust's `fn(&T)` and `fn(&mut T)` lend it;
   mutably unless the pointee is const. */
#include <stddef.h>

struct cb_node { int value; struct cb_node *next; };
struct cb_list { struct cb_node *head; };

typedef void (*cb_visit)(struct cb_node *n, void *ctx);
typedef int (*cb_compare)(const void *a, const void *b);

// expect param cb_each.l borrowed mutable
// expect param cb_each.ctx borrowed mutable
void cb_each(struct cb_list *l, cb_visit visit, void *ctx) {
    for (struct cb_node *n = l->head; n; n = n->next) visit(n, ctx);
}

// expect param cb_is_sorted.base borrowed immutable
int cb_is_sorted(const void *base, size_t n, size_t size, cb_compare cmp) {
    const char *b = base;
    for (size_t i = 1; i < n; i++)
        if (cmp(b + (i - 1) * size, b + i * size) > 0) return 0;
    return 1;
}

struct cb_table { void (*release)(void *item); void *items[8]; int n; };

// expect param cb_clear.t borrowed mutable
void cb_clear(struct cb_table *t) {
    for (int i = 0; i < t->n; i++) t->release(t->items[i]);
    t->n = 0;
}

/* Near miss: the same shapes with only const pointers lent stay immutable. */
typedef int (*cb_pred)(const struct cb_node *n);
// expect param cb_count.l borrowed immutable
int cb_count(const struct cb_list *l, cb_pred pred) {
    int k = 0;
    for (const struct cb_node *n = l->head; n; n = n->next) k += pred(n);
    return k;
}
