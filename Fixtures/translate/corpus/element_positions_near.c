// translate: near misses of positions in arrays that stay raw pointers and must still behave as
// C: a lookup's result stored in a struct member (a selection kept across calls), two results
// compared as addresses, a result moved on by pointer arithmetic (`find(..) + 1`), a lookup
// that hands on (`return find(..)`) one whose results escape elsewhere, a local that points into two different
// arrays by turns, a lookup into a buffer on the heap (not in place), and a pointer walked with
// `p++` after a lookup
// unsafe: find select_item pick_next same_slot find_again either heap_find walk_from main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>

struct item {
    int key;
    int count;
};

struct shelf {
    struct item items[6];
    int n;
    struct item *selected;
};

static struct item *find(struct shelf *s, int key) {
    for (int i = 0; i < s->n; i++)
        if (s->items[i].key == key) return &s->items[i];
    return NULL;
}

static void select_item(struct shelf *s, int key) {
    s->selected = find(s, key);
}

static int pick_next(struct shelf *s, int key) {
    struct item *it = find(s, key);
    if (!it || it == &s->items[s->n - 1]) return -1;
    return (it + 1)->key;
}

static int same_slot(struct shelf *s, int a, int b) {
    return find(s, a) == find(s, b);
}

static struct item *find_again(struct shelf *s, int key) {
    return find(s, key);
}

static int either(struct shelf *s, struct shelf *t, int key, int first) {
    struct item *p;
    if (first) p = &s->items[0];
    else p = &t->items[0];
    p->count += key;
    p = find(t, key);
    return p ? p->count : -1;
}

struct heap_shelf {
    struct item *items;
    int n;
};

static struct item *heap_find(struct heap_shelf *h, int key) {
    for (int i = 0; i < h->n; i++)
        if (h->items[i].key == key) return &h->items[i];
    return NULL;
}

static int walk_from(struct shelf *s, int key) {
    struct item *p = find(s, key);
    int sum = 0;
    if (!p) return 0;
    for (; p < s->items + s->n; p++) sum += p->count;
    return sum;
}

int main(void) {
    struct shelf s = {.n = 0};
    struct shelf t = {.n = 0};
    for (int i = 0; i < 5; i++) {
        s.items[s.n].key = i * 3;
        s.items[s.n++].count = i + 1;
        t.items[t.n].key = i * 2;
        t.items[t.n++].count = 10 * i;
    }
    select_item(&s, 6);
    if (s.selected) s.selected->count += 100;
    printf("selected %d next %d %d\n", s.selected ? s.selected->count : -1, pick_next(&s, 6), pick_next(&s, 12));
    printf("same %d %d\n", same_slot(&s, 3, 3), same_slot(&s, 3, 9));
    struct item *again = find_again(&t, 4);
    printf("again %d\n", again ? again->count : -1);
    printf("either %d %d\n", either(&s, &t, 2, 1), either(&s, &t, 8, 0));
    struct heap_shelf h = {malloc(3 * sizeof(struct item)), 3};
    for (int i = 0; i < 3; i++) { h.items[i].key = i; h.items[i].count = i * i; }
    struct item *hi = heap_find(&h, 2);
    printf("heap %d\n", hi ? hi->count : -1);
    free(h.items);
    printf("walk %d %d\n", walk_from(&s, 6), walk_from(&s, 100));
    unsigned sum = 0;
    for (int i = 0; i < s.n; i++) sum = sum * 31 + (unsigned)(s.items[i].key * 7 + s.items[i].count);
    for (int i = 0; i < t.n; i++) sum = sum * 31 + (unsigned)(t.items[i].key * 7 + t.items[i].count);
    printf("checksum %u\n", sum);
    return 0;
}
