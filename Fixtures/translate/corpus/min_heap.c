// translate: binary min-heap of tasks in a realloc-grown array, used as a priority queue
// exit: 0
#include <stdio.h>
#include <stdlib.h>

struct task {
    int priority;
    int id;
};

struct heap {
    struct task *items;
    size_t size;
    size_t cap;
};

static void swap(struct task *a, struct task *b) {
    struct task t = *a;
    *a = *b;
    *b = t;
}

static int less(const struct task *a, const struct task *b) {
    if (a->priority != b->priority)
        return a->priority < b->priority;
    return a->id < b->id;
}

static int heap_push(struct heap *h, struct task t) {
    if (h->size == h->cap) {
        size_t ncap = h->cap ? h->cap * 2 : 2;
        struct task *p = realloc(h->items, ncap * sizeof *p);
        if (p == NULL)
            return -1;
        h->items = p;
        h->cap = ncap;
        printf("  (grow to %zu)\n", ncap);
    }
    size_t i = h->size++;
    h->items[i] = t;
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!less(&h->items[i], &h->items[parent]))
            break;
        swap(&h->items[i], &h->items[parent]);
        i = parent;
    }
    return 0;
}

static struct task heap_pop(struct heap *h) {
    struct task top = h->items[0];
    h->items[0] = h->items[--h->size];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < h->size && less(&h->items[l], &h->items[m]))
            m = l;
        if (r < h->size && less(&h->items[r], &h->items[m]))
            m = r;
        if (m == i)
            break;
        swap(&h->items[i], &h->items[m]);
        i = m;
    }
    return top;
}

int main(void) {
    struct heap h = {NULL, 0, 0};
    int prios[] = {5, 3, 8, 1, 9, 3, 7, 2, 6, 1, 4};
    int n = (int)(sizeof prios / sizeof prios[0]);

    for (int i = 0; i < n; i++) {
        struct task t = {prios[i], 100 + i};
        printf("push p=%d id=%d\n", t.priority, t.id);
        if (heap_push(&h, t) != 0) {
            fprintf(stderr, "out of memory\n");
            free(h.items);
            return 1;
        }
    }
    printf("size=%zu cap=%zu min=%d\n", h.size, h.cap, h.items[0].priority);

    int last = -1, ordered = 1;
    while (h.size > 0) {
        struct task t = heap_pop(&h);
        printf("pop p=%d id=%d\n", t.priority, t.id);
        if (t.priority < last)
            ordered = 0;
        last = t.priority;
    }
    printf("ordered: %s\n", ordered ? "yes" : "no");
    free(h.items);
    return 0;
}
