/* Containers: what a list keeps, and what it hands back. */
#include <stdlib.h>

struct ct_node {
    // expect field ct_node.item borrowed
    void *item;
    // expect field ct_node.next owned
    struct ct_node *next;
};

struct ct_list {
    // expect field ct_list.head owned
    struct ct_node *head;
};

/* The new node is linked into the list, which owns it: the caller gets a handle, not ownership. */
// expect return ct_add borrowed
// expect param ct_add.l borrowed mutable
struct ct_node *ct_add(struct ct_list *l, void *item) {
    struct ct_node *n = malloc(sizeof *n);
    if (!n) return NULL;
    n->item = item;
    n->next = l->head;
    l->head = n;
    return n;
}

void ct_free(struct ct_list *l) {
    struct ct_node *n = l->head;
    while (n) {
        struct ct_node *next = n->next;
        free(n);
        n = next;
    }
    l->head = NULL;
}
