// translate: string-keyed hash map with separate chaining, growth by rehashing, and removal
// exit: 0
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    char *key;
    int value;
    struct entry *next;
};

struct map {
    struct entry **buckets;
    size_t nbuckets;
    size_t count;
};

static unsigned long hash(const char *s) {
    unsigned long h = 5381;
    int c;
    while ((c = (unsigned char)*s++))
        h = ((h << 5) + h) + c; /* djb2 */
    return h;
}

static void map_init(struct map *m, size_t n) {
    m->buckets = calloc(n, sizeof *m->buckets);
    m->nbuckets = n;
    m->count = 0;
}

static void map_rehash(struct map *m) {
    size_t newn = m->nbuckets * 2;
    struct entry **nb = calloc(newn, sizeof *nb);
    for (size_t i = 0; i < m->nbuckets; i++) {
        struct entry *e = m->buckets[i];
        while (e) {
            struct entry *next = e->next;
            size_t j = hash(e->key) % newn;
            e->next = nb[j];
            nb[j] = e;
            e = next;
        }
    }
    free(m->buckets);
    m->buckets = nb;
    m->nbuckets = newn;
    printf("rehash -> %zu buckets\n", newn);
}

static void map_put(struct map *m, const char *key, int value) {
    size_t i = hash(key) % m->nbuckets;
    for (struct entry *e = m->buckets[i]; e != NULL; e = e->next) {
        if (strcmp(e->key, key) == 0) {
            e->value = value;
            return;
        }
    }
    struct entry *e = malloc(sizeof *e);
    e->key = strdup(key);
    e->value = value;
    e->next = m->buckets[i];
    m->buckets[i] = e;
    m->count++;
    if (m->count * 4 > m->nbuckets * 3)
        map_rehash(m);
}

static int *map_get(struct map *m, const char *key) {
    struct entry *e = m->buckets[hash(key) % m->nbuckets];
    for (; e; e = e->next)
        if (!strcmp(e->key, key))
            return &e->value;
    return NULL;
}

static int map_remove(struct map *m, const char *key) {
    struct entry **pp = &m->buckets[hash(key) % m->nbuckets];
    while (*pp) {
        struct entry *e = *pp;
        if (strcmp(e->key, key) == 0) {
            *pp = e->next;
            free(e->key);
            free(e);
            m->count--;
            return 1;
        }
        pp = &e->next;
    }
    return 0;
}

static void map_free(struct map *m) {
    for (size_t i = 0; i < m->nbuckets; i++) {
        struct entry *e = m->buckets[i];
        while (e) {
            struct entry *next = e->next;
            free(e->key);
            free(e);
            e = next;
        }
    }
    free(m->buckets);
}

int main(void) {
    static const char *words[] = {"apple", "banana", "cherry", "date", "elder", "fig",
                                  "grape", "apple", "kiwi", "lemon", "banana", "apple"};
    struct map m;
    map_init(&m, 4);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        int *v = map_get(&m, words[i]);
        if (v)
            (*v)++;
        else
            map_put(&m, words[i], 1);
    }
    printf("count=%zu buckets=%zu\n", m.count, m.nbuckets);
    const char *probe[] = {"apple", "banana", "fig", "mango"};
    for (int i = 0; i < 4; i++) {
        int *v = map_get(&m, probe[i]);
        printf("%-7s %d\n", probe[i], v ? *v : -1);
    }
    printf("remove fig: %d\n", map_remove(&m, "fig"));
    printf("remove fig again: %d\n", map_remove(&m, "fig"));
    map_put(&m, "apple", 100);
    printf("apple now %d, count=%zu\n", *map_get(&m, "apple"), m.count);
    map_free(&m);
    return 0;
}
