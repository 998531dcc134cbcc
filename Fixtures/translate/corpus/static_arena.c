// translate: a bump allocator over a static byte arena, as embedded code writes one: records
// with doubles and pointers carved out of `static unsigned char arena[512]`, which the x86-64
// ABI aligns to 16 (an array of 16 bytes or more), so each carved record is aligned too
// exit: 0
#include <stddef.h>
#include <stdio.h>

static unsigned char arena[512];
static size_t used;

static void *arena_alloc(size_t n) {
    size_t start = (used + 15) & ~(size_t)15;
    if (start + n > sizeof arena) return NULL;
    used = start + n;
    return &arena[start];
}

struct sample { double value; long stamp; struct sample *next; };

static struct sample *push(struct sample *head, double v, long t) {
    struct sample *s = arena_alloc(sizeof *s);
    if (!s) return head;
    s->value = v;
    s->stamp = t;
    s->next = head;
    return s;
}

int main(void) {
    struct sample *list = NULL;
    for (int i = 0; i < 30; i++) list = push(list, i * 0.25, 1000L + i);
    double sum = 0;
    int n = 0;
    for (struct sample *s = list; s; s = s->next) { sum += s->value * (double)(s->stamp % 7); n++; }
    printf("%d samples, weighted sum %.2f, %zu bytes used, aligned %d\n", n, sum, used,
           (int)(((size_t)list - (size_t)arena) % 16 == 0));
    return 0;
}
