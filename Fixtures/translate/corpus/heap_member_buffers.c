// translate: records from malloc that own buffers, as libraries write them: a stack created by
// `stack_new` with its array allocated beside it and grown through a checked temporary, a blob
// whose text is `malloc(strlen(s) + 1)` bytes, a buffer allocated inside its own NULL test; the
// records live on heaps of handles and their buffers are `Vec`s, so none of these functions needs
// `unsafe`. Two vectors compared with memcmp through `const` pointers lend their buffers read-only
// (the C library call keeps that one function unsafe).
// safe: stack_new stack_push stack_pop stack_free blob_new blob_unref fill
// unsafe: same_values main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int *data; int top, cap; } Stack;

static Stack *stack_new(int cap) {
    Stack *s = malloc(sizeof(Stack));
    s->data = malloc(cap * sizeof(int));
    s->top = 0;
    s->cap = cap;
    return s;
}

static void stack_push(Stack *s, int v) {
    if (s->top == s->cap) {
        s->cap *= 2;
        int *grown = realloc(s->data, s->cap * sizeof *grown);
        if (!grown) { fprintf(stderr, "out of memory\n"); exit(1); }
        s->data = grown;
    }
    s->data[s->top++] = v;
}

static int stack_pop(Stack *s) { return s->data[--s->top]; }

static void stack_free(Stack *s) { free(s->data); free(s); }

struct blob { char *text; size_t len; int refs; };

static struct blob *blob_new(const char *s) {
    struct blob *b = malloc(sizeof *b);
    b->len = strlen(s);
    b->text = malloc(b->len + 1);
    for (size_t i = 0; i <= b->len; i++) b->text[i] = s[i];
    b->refs = 1;
    return b;
}

static int blob_unref(struct blob *b) {
    if (--b->refs > 0) return b->refs;
    free(b->text);
    free(b);
    return 0;
}

struct values { long *xs; int n; };

static int fill(struct values *v, int n, long step) {
    if ((v->xs = malloc(n * sizeof *v->xs)) == NULL) return -1;
    for (int i = 0; i < n; i++) v->xs[i] = i * step;
    v->n = n;
    return 0;
}

static int same_values(const struct values *a, const struct values *b) {
    return a->n == b->n && memcmp(a->xs, b->xs, a->n * sizeof *a->xs) == 0;
}

int main(void) {
    Stack *s = stack_new(2);
    for (int i = 0; i < 20; i++) stack_push(s, i * i);
    int sum = 0;
    while (s->top > 0) sum += stack_pop(s);
    printf("sum=%d cap=%d\n", sum, s->cap);
    stack_free(s);

    struct blob *b = blob_new("hello, heap");
    b->refs++;
    printf("refs left %d\n", blob_unref(b));
    printf("%zu %c%c\n", b->len, b->text[0], b->text[b->len - 1]);
    printf("refs left %d\n", blob_unref(b));

    struct values p, q, r;
    if (fill(&p, 6, 3) || fill(&q, 6, 3) || fill(&r, 6, 4)) return 1;
    printf("p==q %d p==r %d\n", same_values(&p, &q), same_values(&p, &r));
    free(p.xs);
    free(q.xs);
    free(r.xs);
    return 0;
}
