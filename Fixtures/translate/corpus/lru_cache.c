// translate: least-recently-used cache: a doubly linked list for recency plus a hash table for lookup
// exit: 0
#include <stdio.h>
#include <stdlib.h>

#define NBUCKETS 8

struct node {
    int key;
    int value;
    struct node *prev, *next; /* recency list, most recent first */
    struct node *hnext;       /* hash chain */
};

struct lru {
    int capacity;
    int size;
    struct node *head, *tail;
    struct node *table[NBUCKETS];
};

static unsigned bucket(int key) { return (unsigned)key % NBUCKETS; }

static void list_unlink(struct lru *c, struct node *n) {
    if (n->prev) n->prev->next = n->next; else c->head = n->next;
    if (n->next) n->next->prev = n->prev; else c->tail = n->prev;
    n->prev = n->next = NULL;
}

static void list_push_front(struct lru *c, struct node *n) {
    n->next = c->head;
    n->prev = NULL;
    if (c->head) c->head->prev = n;
    c->head = n;
    if (!c->tail) c->tail = n;
}

static struct node *find(struct lru *c, int key) {
    struct node *n = c->table[bucket(key)];
    while (n && n->key != key)
        n = n->hnext;
    return n;
}

static void table_remove(struct lru *c, struct node *victim) {
    struct node **pp = &c->table[bucket(victim->key)];
    while (*pp != victim)
        pp = &(*pp)->hnext;
    *pp = victim->hnext;
}

int lru_get(struct lru *c, int key, int *out) {
    struct node *n = find(c, key);
    if (!n) return 0;
    list_unlink(c, n);
    list_push_front(c, n);
    *out = n->value;
    return 1;
}

void lru_put(struct lru *c, int key, int value) {
    struct node *n = find(c, key);
    if (n) {
        n->value = value;
        list_unlink(c, n);
        list_push_front(c, n);
        return;
    }
    if (c->size == c->capacity) {
        struct node *old = c->tail;
        printf("  evict %d\n", old->key);
        list_unlink(c, old);
        table_remove(c, old);
        free(old);
        c->size--;
    }
    n = calloc(1, sizeof *n);
    n->key = key;
    n->value = value;
    n->hnext = c->table[bucket(key)];
    c->table[bucket(key)] = n;
    list_push_front(c, n);
    c->size++;
}

static void lru_dump(const struct lru *c) {
    printf("  order:");
    for (const struct node *n = c->head; n; n = n->next)
        printf(" %d=%d", n->key, n->value);
    printf("\n");
}

int main(void) {
    struct lru cache = {.capacity = 3};
    int v;

    lru_put(&cache, 1, 100);
    lru_put(&cache, 2, 200);
    lru_put(&cache, 9, 900); /* same bucket as 1 */
    lru_dump(&cache);
    if (lru_get(&cache, 1, &v)) printf("get 1 -> %d\n", v);
    lru_dump(&cache);
    lru_put(&cache, 4, 400);
    lru_dump(&cache);
    printf("get 2 -> %s\n", lru_get(&cache, 2, &v) ? "hit" : "miss");
    lru_put(&cache, 9, 999);
    lru_put(&cache, 17, 1700);
    lru_dump(&cache);
    for (int k = 1; k <= 17; k += 8)
        printf("get %d -> %s\n", k, lru_get(&cache, k, &v) ? "hit" : "miss");

    struct node *n = cache.head;
    while (n) {
        struct node *next = n->next;
        free(n);
        n = next;
    }
    return 0;
}
