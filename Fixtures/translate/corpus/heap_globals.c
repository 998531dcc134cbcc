// translate: heap objects reached from globals: a symbol table of chained buckets in a global array
// of pointers, a global pointer to the last symbol touched and a global free list that recycles
// nodes; each global holds a handle (atomic bits), so the table functions need no unsafe; a global
// pointer whose address is lent to a function (`push_through(&spare, s)`) lives in a thread-local
// cell and is lent from inside it
// exit: 0
// safe: hash fresh put get forget recycled push_through main_0
#include <stdio.h>
#include <stdlib.h>

struct sym {
    char tag;
    int value;
    struct sym *next;
};

static struct sym *buckets[8];
static struct sym *last;
static struct sym *free_list = NULL;
static int reused;

static unsigned hash(const char *s) {
    unsigned h = 0;
    while (*s) h = h * 31 + (unsigned char)*s++;
    return h % 8;
}

static struct sym *fresh(void) {
    if (free_list) {
        struct sym *s = free_list;
        free_list = s->next;
        reused++;
        return s;
    }
    return malloc(sizeof(struct sym));
}

static void put(const char *name, int v) {
    unsigned h = hash(name);
    for (struct sym *s = buckets[h]; s; s = s->next)
        if (s->tag == name[0]) { s->value = v; last = s; return; }
    struct sym *s = fresh();
    s->tag = name[0];
    s->value = v;
    s->next = buckets[h];
    buckets[h] = s;
    last = s;
}

static int get(const char *name) {
    for (struct sym *s = buckets[hash(name)]; s; s = s->next)
        if (s->tag == name[0]) return s->value;
    return -1;
}

static int forget(const char *name) {
    unsigned h = hash(name);
    struct sym *prev = NULL;
    for (struct sym *s = buckets[h]; s; prev = s, s = s->next) {
        if (s->tag != name[0]) continue;
        if (prev) prev->next = s->next; else buckets[h] = s->next;
        if (last == s) last = NULL;
        s->next = free_list;
        free_list = s;
        return 1;
    }
    return 0;
}

static int recycled(void) { return reused; }

/* Its address is lent: `spare` lives in a thread-local cell. */
static struct sym *spare;
static void push_through(struct sym **slot, struct sym *s) { *slot = s; }

int main(void) {
    put("alpha", 1); put("beta", 2); put("gamma", 3); put("delta", 4); put("alpha", 10);
    printf("alpha=%d beta=%d zeta=%d last=%d\n", get("alpha"), get("beta"), get("zeta"), last ? last->value : -1);
    int first = forget("beta");
    int again = forget("beta");
    printf("forget beta %d, again %d, last %s\n", first, again, last ? "set" : "none");
    forget("delta");
    put("epsilon", 5); put("iota", 6); put("theta", 7);
    int e = get("epsilon"), i = get("iota"), t = get("theta"), g = get("gamma");
    printf("recycled %d, epsilon=%d iota=%d theta=%d gamma=%d\n", recycled(), e, i, t, g);
    int count = 0;
    for (int i = 0; i < 8; i++)
        for (struct sym *s = buckets[i]; s; s = s->next) count++;
    printf("%d symbols\n", count);
    push_through(&spare, buckets[0]);
    printf("spare %s\n", spare ? "set" : "empty");
    for (int i = 0; i < 8; i++)
        while (buckets[i]) { struct sym *s = buckets[i]; buckets[i] = s->next; free(s); }
    while (free_list) { struct sym *s = free_list; free_list = s->next; free(s); }
    return 0;
}
