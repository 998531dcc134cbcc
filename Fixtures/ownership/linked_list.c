/* A singly linked list: an owned chain of boxes. */
#include <stdlib.h>

typedef struct ll_node {
    int value;
    // expect field ll_node.next owned rust="Option<Box<ll_node>>"
    struct ll_node *next;
} ll_node_t;

typedef struct {
    // expect field ll_list_t.head owned rust="Option<Box<ll_node>>"
    ll_node_t *head;
    size_t len;
} ll_list_t;

// expect param ll_push.list borrowed mutable
int ll_push(ll_list_t *list, int v) {
    // expect local ll_push.n owned mutable rust="Box<ll_node>"
    ll_node_t *n = malloc(sizeof *n);
    if (!n) return -1;
    n->value = v;
    n->next = list->head;
    list->head = n;
    list->len++;
    return 0;
}

// expect param ll_pop.out borrowed mutable
int ll_pop(ll_list_t *list, int *out) {
    // expect local ll_pop.h owned
    ll_node_t *h = list->head;
    if (!h) return -1;
    *out = h->value;
    list->head = h->next;
    list->len--;
    free(h);
    return 0;
}

// expect param ll_sum.list borrowed immutable
int ll_sum(const ll_list_t *list) {
    // expect local ll_sum.s value mutable
    int s = 0;
    // expect local ll_sum.n borrowed immutable
    for (const ll_node_t *n = list->head; n; n = n->next)
        s += n->value;
    return s;
}

// expect param ll_clear.list borrowed mutable
void ll_clear(ll_list_t *list) {
    // expect local ll_clear.n owned
    ll_node_t *n = list->head;
    while (n) {
        // expect local ll_clear.next owned
        ll_node_t *next = n->next;
        free(n);
        n = next;
    }
    list->head = NULL;
    list->len = 0;
}
