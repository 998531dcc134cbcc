// probe: t31_linkedlist, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdlib.h>
struct Node { int v; struct Node *next; };
static struct Node *push(struct Node *h, int v) { struct Node *n = malloc(sizeof *n); n->v = v; n->next = h; return n; }
static struct Node *rev(struct Node *h) { struct Node *p = NULL; while (h) { struct Node *n = h->next; h->next = p; p = h; h = n; } return p; }
static void rm_if(struct Node **pp, int mod) {
    while (*pp) { if ((*pp)->v % mod == 0) { struct Node *d = *pp; *pp = d->next; free(d); } else pp = &(*pp)->next; }
}
int main(void) {
    struct Node *h = NULL;
    for (int i = 1; i <= 10; i++) h = push(h, i);
    h = rev(h);
    rm_if(&h, 3);
    for (struct Node *p = h; p; p = p->next) printf("%d ", p->v);
    printf("\n");
    while (h) { struct Node *n = h->next; free(h); h = n; }
    return 0;
}
