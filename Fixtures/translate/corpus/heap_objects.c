// translate: records that live on the heap, reached through handles (a slot per malloc, checked on
// each use): a binary search tree with insertion, deletion and recursive free, a circular doubly
// linked ring (cycles and back pointers), a node copied whole in and out of the heap, a nested
// record and an array inside a heap object, a field updated from a value that reads the same heap,
// calloc'd zeroes, a char array member printed with %s, free(NULL), a list walked through a
// pointer to its link (`cheap::Link`); near misses that stay raw pointers: a record whose field's address
// is taken (the field is still lent to `bump` for its call, a raw loan);
// an array of handles sorted with qsort (its comparator reads the handles: `cstdlib::qsort`)
// exit: 0
// safe: tree_insert depth tree_min tree_delete tree_print tree_free ring_add total ring_drop heavier bump by_v link_remove
#include <stdio.h>
#include <stdlib.h>

struct pos { int x, y; };

struct tree {
    int key;
    char tag[4];
    int hits[3];
    struct pos at;
    struct tree *left, *right;
};

static struct tree *tree_insert(struct tree *t, int key) {
    if (t == NULL) {
        struct tree *n = calloc(1, sizeof(struct tree));
        n->key = key;
        n->tag[0] = 'k';
        n->tag[1] = (char)('0' + key % 10);
        n->at.x = key % 7;
        n->at.y = key / 7;
        return n;
    }
    t->hits[key % 3]++;
    if (key < t->key)
        t->left = tree_insert(t->left, key);
    else if (key > t->key)
        t->right = tree_insert(t->right, key);
    return t;
}

static int depth(const struct tree *t) {
    if (!t) return 0;
    int l = depth(t->left), r = depth(t->right);
    return 1 + (l > r ? l : r);
}

static struct tree *tree_min(struct tree *t) {
    while (t->left) t = t->left;
    return t;
}

static struct tree *tree_delete(struct tree *t, int key) {
    if (!t) return NULL;
    if (key < t->key) { t->left = tree_delete(t->left, key); return t; }
    if (key > t->key) { t->right = tree_delete(t->right, key); return t; }
    if (!t->left || !t->right) {
        struct tree *child = t->left ? t->left : t->right;
        free(t);
        return child;
    }
    struct tree *m = tree_min(t->right);
    t->key = m->key;
    t->at = m->at;
    t->right = tree_delete(t->right, m->key);
    return t;
}

static void tree_print(const struct tree *t) {
    if (!t) return;
    tree_print(t->left);
    printf("%s:%d(%d,%d|%d%d%d) ", t->tag, t->key, t->at.x, t->at.y, t->hits[0], t->hits[1], t->hits[2]);
    tree_print(t->right);
}

static int tree_free(struct tree *t) {
    if (!t) return 0;
    int n = tree_free(t->left) + tree_free(t->right) + 1;
    free(t);
    return n;
}

/* A ring: every node's next and prev, around and back. */
struct ring {
    int id;
    long weight;
    struct ring *next, *prev;
};

static struct ring *ring_add(struct ring *r, int id) {
    struct ring *o = malloc(sizeof *o);
    o->id = id;
    o->weight = id * 10L;
    if (!r) { o->next = o->prev = o; return o; }
    o->next = r;
    o->prev = r->prev;
    r->prev->next = o;
    r->prev = o;
    return r;
}

static long total(const struct ring *r) {
    long sum = 0;
    const struct ring *p = r;
    do { sum += p->weight; p = p->next; } while (p != r);
    return sum;
}

static struct ring *ring_drop(struct ring *r, int id) {
    struct ring *p = r;
    do {
        if (p->id == id) {
            if (p->next == p) { free(p); return NULL; }
            p->prev->next = p->next;
            p->next->prev = p->prev;
            struct ring *after = p == r ? p->next : r;
            free(p);
            return after;
        }
        p = p->next;
    } while (p != r);
    return r;
}

static long heavier(struct ring *p) { p->next->weight += 1; return p->next->weight; }

/* Near misses: stay raw pointers. */
struct counter { int n; struct counter *next; };
static void bump(int *n) { (*n)++; }

struct link { int v; struct link *next; };
static void link_remove(struct link **pp, int v) {
    while (*pp) {
        if ((*pp)->v == v) { struct link *d = *pp; *pp = d->next; free(d); }
        else pp = &(*pp)->next;
    }
}

struct item { int v; };
static int by_v(const void *a, const void *b) {
    const struct item *x = *(const struct item *const *)a, *y = *(const struct item *const *)b;
    return (x->v > y->v) - (x->v < y->v);
}

int main(void) {
    int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 50};
    struct tree *root = NULL;
    for (int i = 0; i < 12; i++) root = tree_insert(root, keys[i]);
    tree_print(root); printf("depth %d\n", depth(root));
    root = tree_delete(root, 30);
    root = tree_delete(root, 50);
    root = tree_delete(root, 99);
    tree_print(root); printf("depth %d\n", depth(root));
    struct tree copy = *root;
    copy.key = -1;
    root->left->at = copy.at;
    printf("root %d copy %d left at (%d,%d)\n", root->key, copy.key, root->left->at.x, root->left->at.y);
    printf("freed %d\n", tree_free(root));
    free(NULL);

    struct ring *r = NULL;
    for (int id = 1; id <= 6; id++) r = ring_add(r, id);
    printf("total %ld\n", total(r));
    r->weight = heavier(r) + r->prev->weight;
    printf("first %ld second %ld total %ld\n", r->weight, r->next->weight, total(r));
    r = ring_drop(r, 1);
    r = ring_drop(r, 4);
    printf("after drops: first %d last %d total %ld\n", r->id, r->prev->id, total(r));
    for (int id = 2; id <= 6; id++) r = ring_drop(r, id);
    printf("empty %d\n", r == NULL);

    struct counter *c = malloc(sizeof *c);
    c->n = 41; c->next = NULL;
    bump(&c->n);
    printf("counter %d\n", c->n);
    free(c);

    struct link *head = NULL;
    for (int i = 0; i < 6; i++) { struct link *l = malloc(sizeof *l); l->v = i % 3; l->next = head; head = l; }
    link_remove(&head, 1);
    for (struct link *l = head; l; l = l->next) printf("%d ", l->v);
    printf("\n");
    while (head) { struct link *n = head->next; free(head); head = n; }

    struct item *items[4];
    for (int i = 0; i < 4; i++) { items[i] = malloc(sizeof(struct item)); items[i]->v = (i * 7) % 5; }
    qsort(items, 4, sizeof items[0], by_v);
    for (int i = 0; i < 4; i++) { printf("%d ", items[i]->v); free(items[i]); }
    printf("\n");
    return 0;
}
