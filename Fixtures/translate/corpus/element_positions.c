// translate: pointers to one element of an array in place, returned by lookups and held in
// locals, as registries, caches and inventories write them: `find` returning
// `&b->accounts[i]` or NULL, its result tested, dereferenced at once (`find(..)->frozen = 1`),
// or held while the registry is used otherwise (`c->hits++` between two uses); a lookup over a
// slice (`&a[i]`), a best-so-far pointer over a local array, an element of a local record's
// member array, a lookup through a member (`find(&w->bank, id)`), a read-only lookup, and a
// slot whose contents shift while a pointer to it is held (the pointer keeps naming the slot),
// a lookup's result lent to a function that takes the element (`credit(find(b, id), 5)`, which
// tests it for NULL), a lookup that hands on another's (`return find(&w->bank, id)`), lookups
// that return a local holding the element (`return best;`) or choose with `?:`, a local given
// `c ? &a[i] : NULL`, and lookups assigned and tested at once (`if ((a = find(b, id)) == NULL)`,
// `while ((a = find(b, id)) != NULL && ...)`), and a recursive lookup in a tree kept in an
// array (`return find_node(t, t->nodes[at].left, key)`).
// Each is the element's position, `Option<usize>`: no pointer, no unsafe.
// safe: find deposit open open_slot transfer find_int scale best_point bump_world lookup cache_get shift_out find_const total_of checksum credit describe find_in_world richest at_or_null withdraw_all freeze_chain find_node count_keys main_0
// exit: 0
#include <stdio.h>

#define MAX 8

struct account {
    int id;
    long balance;
    int frozen;
    char owner[12];
};

struct bank {
    struct account accounts[MAX];
    int n;
    int next_id;
};

static struct account *find(struct bank *b, int id) {
    for (int i = 0; i < b->n; i++)
        if (b->accounts[i].id == id)
            return &b->accounts[i];
    return NULL;
}

static int deposit(struct bank *b, int id, long amount) {
    struct account *a = find(b, id);
    if (!a) return -1;
    if (a->frozen) return -2;
    a->balance += amount;
    return 0;
}

static struct account *open_slot(struct bank *b) {
    if (b->n >= MAX) return NULL;
    return b->accounts + b->n++;
}

static int open(struct bank *b, const char *owner, long initial) {
    struct account *a = open_slot(b);
    if (a == NULL) return -1;
    a->id = b->next_id++;
    a->balance = initial;
    a->frozen = 0;
    snprintf(a->owner, sizeof a->owner, "%s", owner);
    return a->id;
}

static int transfer(struct bank *b, int from, int to, long amount) {
    struct account *src = find(b, from);
    if (src == NULL || !find(b, to)) return -1;
    if (src->balance < amount) return -3;
    src->balance -= amount;
    return deposit(b, to, amount);
}

static int *find_int(int *a, int n, int x) {
    for (int i = 0; i < n; i++)
        if (a[i] == x) return &a[i];
    return 0;
}

static void scale(int *values, int n) {
    int *p = find_int(values, n, 7);
    if (p) *p *= 100;
    (void)find_int(values, n, 1);
}

struct point { int x, y; };

static int best_point(void) {
    struct point pts[5] = {{3, 4}, {-1, 9}, {6, 6}, {0, 0}, {2, -8}};
    struct point *best = &pts[0];
    for (int i = 1; i < 5; i++)
        if (pts[i].x * pts[i].x + pts[i].y * pts[i].y > best->x * best->x + best->y * best->y)
            best = &pts[i];
    best->x += 1000;
    return pts[1].x + pts[4].x + best->y;
}

struct world {
    int tick;
    struct bank bank;
};

static void credit(struct account *a, long amount) {
    if (a == NULL) return;
    a->balance += amount;
}

static long describe(const struct account *a) {
    return a->id * 1000L + a->balance;
}

static struct account *find_in_world(struct world *w, int id) {
    return find(&w->bank, id);
}

static struct account *richest(struct bank *b) {
    struct account *best = NULL;
    for (int i = 0; i < b->n; i++)
        if (best == NULL || b->accounts[i].balance > best->balance) best = &b->accounts[i];
    return best;
}

static struct account *at_or_null(struct bank *b, int i) {
    return i >= 0 && i < b->n ? &b->accounts[i] : NULL;
}

static long withdraw_all(struct bank *b, int id) {
    struct account *a;
    if ((a = find(b, id)) == NULL) return -1;
    long all = a->balance;
    a->balance = 0;
    return all;
}

static int freeze_chain(struct bank *b, int id) {
    struct account *a;
    int n = 0;
    while ((a = find(b, id)) != NULL && !a->frozen) {
        a->frozen = 1;
        id = a->id + 1;
        n++;
    }
    return n;
}

struct tnode { int key; int hits; int left, right; };
struct tree { struct tnode nodes[8]; int root; };

static struct tnode *find_node(struct tree *t, int at, int key) {
    if (at < 0) return NULL;
    if (key == t->nodes[at].key) return &t->nodes[at];
    if (key < t->nodes[at].key) return find_node(t, t->nodes[at].left, key);
    return find_node(t, t->nodes[at].right, key);
}

static int count_keys(struct tree *t, const int *keys, int n) {
    int found = 0;
    for (int i = 0; i < n; i++) {
        struct tnode *node = find_node(t, t->root, keys[i]);
        if (node) { node->hits++; found++; }
    }
    return found;
}

static int bump_world(struct world *w, int id) {
    struct account *a = find(&w->bank, id);
    w->tick++;
    if (a) a->balance += w->tick;
    return a ? (int)a->balance : -1;
}

struct slot {
    int key;
    int value;
    unsigned long used;
};

struct cache {
    struct slot slots[4];
    unsigned long clock;
    int hits, misses;
};

static struct slot *lookup(struct cache *c, int key) {
    for (int i = 0; i < 4; i++)
        if (c->slots[i].used && c->slots[i].key == key) return &c->slots[i];
    return NULL;
}

static int cache_get(struct cache *c, int key) {
    struct slot *s = lookup(c, key);
    if (!s) {
        c->misses++;
        int victim = 0;
        for (int i = 1; i < 4; i++)
            if (c->slots[i].used < c->slots[victim].used) victim = i;
        s = &c->slots[victim];
        s->key = key;
        s->value = key * key;
    } else {
        c->hits++;
    }
    s->used = ++c->clock;
    return s->value;
}

static void shift_out(struct bank *b, int index) {
    for (int i = index; i + 1 < b->n; i++) b->accounts[i] = b->accounts[i + 1];
    b->n--;
}

static const struct account *find_const(const struct bank *b, int id) {
    for (int i = 0; i < b->n; i++)
        if (b->accounts[i].id == id) return &b->accounts[i];
    return NULL;
}

static long total_of(const struct bank *b, int id) {
    const struct account *a = find_const(b, id);
    return a ? a->balance : 0;
}

static unsigned checksum(const struct bank *b) {
    unsigned sum = 0;
    for (int i = 0; i < b->n; i++) {
        const struct account *a = &b->accounts[i];
        sum = sum * 31 + (unsigned)a->id;
        sum = sum * 31 + (unsigned)a->balance;
        sum = sum * 31 + (unsigned)a->frozen;
        for (int k = 0; a->owner[k]; k++) sum = sum * 31 + (unsigned char)a->owner[k];
    }
    return sum;
}

int main(void) {
    struct bank bank = {.n = 0, .next_id = 100};
    int alice = open(&bank, "alice", 500);
    int bob = open(&bank, "bob", 20);
    int carol = open(&bank, "carol", 0);
    printf("opened %d %d %d\n", alice, bob, carol);
    printf("deposit %d %d\n", deposit(&bank, bob, 30), deposit(&bank, 999, 1));
    printf("transfer %d %d\n", transfer(&bank, alice, carol, 125), transfer(&bank, bob, alice, 1000));
    find(&bank, bob)->frozen = 1;
    printf("frozen deposit %d\n", deposit(&bank, bob, 5));
    if (find(&bank, 12345) == NULL) printf("no such account\n");

    struct account *held = find(&bank, alice);
    shift_out(&bank, 0);
    printf("held slot now %d %s %ld\n", held->id, held->owner, held->balance);
    struct account *third = &bank.accounts[2];
    third->balance = 77;
    printf("total %ld %ld\n", total_of(&bank, carol), total_of(&bank, alice));

    int values[6] = {4, 7, 1, 7, 9, 2};
    scale(values, 6);
    printf("values %d %d %d %d\n", values[0], values[1], values[3], values[5]);
    printf("best %d\n", best_point());

    struct world w = {.tick = 0};
    w.bank.n = 2;
    w.bank.accounts[0].id = 1;
    w.bank.accounts[1].id = 2;
    w.bank.accounts[1].balance = 40;
    int r1 = bump_world(&w, 2);
    int r2 = bump_world(&w, 3);
    int r3 = bump_world(&w, 2);
    printf("world %d %d %d tick %d\n", r1, r2, r3, w.tick);
    credit(find_in_world(&w, 1), 9);
    credit(find(&w.bank, 42), 9);
    struct account *first = find_in_world(&w, 1);
    credit(first, 1);
    find_in_world(&w, 2)->frozen = 1;
    printf("world %ld %ld %d\n", describe(first), describe(find(&w.bank, 2)), w.bank.accounts[1].frozen);

    struct cache c = {.clock = 0};
    int keys[] = {3, 4, 3, 5, 6, 7, 3, 4};
    long got = 0;
    for (int i = 0; i < 8; i++) got += cache_get(&c, keys[i]);
    printf("cache %ld hits %d misses %d clock %lu\n", got, c.hits, c.misses, c.clock);
    struct account *rich = richest(&bank);
    struct account *some = bank.n > 1 ? &bank.accounts[1] : NULL;
    if (some) some->balance += 3;
    printf("richest %d %ld at %ld %d\n", rich ? rich->id : -1, rich ? rich->balance : -1L,
           at_or_null(&bank, 0) ? at_or_null(&bank, 0)->balance : -1L, at_or_null(&bank, 9) == NULL);
    long w1 = withdraw_all(&bank, carol);
    long w2 = withdraw_all(&bank, 5);
    int frozen = freeze_chain(&bank, carol);
    printf("withdrawn %ld %ld frozen %d\n", w1, w2, frozen);
    struct tree t = {{{50, 0, 1, 2}, {30, 0, 3, -1}, {70, 0, -1, 4}, {20, 0, -1, -1}, {80, 0, -1, -1}}, 0};
    int ks[] = {20, 80, 55, 50, 20};
    int nf = count_keys(&t, ks, 5);
    printf("tree %d: %d %d %d %d\n", nf, t.nodes[0].hits, t.nodes[3].hits, t.nodes[4].hits, t.nodes[1].hits);
    printf("checksum %u\n", checksum(&bank));
    return 0;
}
