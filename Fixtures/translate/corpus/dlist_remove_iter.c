// translate: doubly linked list of ints with removal of nodes while iterating, forwards and backwards
// exit: 0
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
    int value;
    struct Node *prev;
    struct Node *next;
} Node;

typedef struct {
    Node *head;
    Node *tail;
    int length;
} List;

static void list_append(List *l, int v) {
    Node *n = malloc(sizeof(Node));
    n->value = v;
    n->next = NULL;
    n->prev = l->tail;
    if (l->tail)
        l->tail->next = n;
    else
        l->head = n;
    l->tail = n;
    l->length++;
}

static void list_remove(List *l, Node *n) {
    if (n->prev)
        n->prev->next = n->next;
    else
        l->head = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        l->tail = n->prev;
    free(n);
    l->length--;
}

static void list_print(const List *l, const char *label) {
    printf("%s (%d):", label, l->length);
    for (Node *n = l->head; n != NULL; n = n->next)
        printf(" %d", n->value);
    printf(" | backwards:");
    for (Node *n = l->tail; n != NULL; n = n->prev)
        printf(" %d", n->value);
    printf("\n");
}

int main(void) {
    List list = {NULL, NULL, 0};
    for (int i = 1; i <= 12; i++)
        list_append(&list, i * i % 17);
    list_print(&list, "start");

    /* remove even values: save next before freeing the current node */
    Node *cur = list.head;
    while (cur) {
        Node *next = cur->next;
        if (cur->value % 2 == 0)
            list_remove(&list, cur);
        cur = next;
    }
    list_print(&list, "odd only");

    /* walk backwards, dropping a node equal to the one after it */
    for (Node *n = list.tail, *p; n != NULL; n = p) {
        p = n->prev;
        if (n->next && n->value == n->next->value)
            list_remove(&list, n);
    }
    list_print(&list, "deduplicated");

    /* remove head and tail explicitly */
    if (list.head)
        list_remove(&list, list.head);
    if (list.tail)
        list_remove(&list, list.tail);
    list_print(&list, "trimmed");

    while (list.head)
        list_remove(&list, list.head);
    list_print(&list, "empty");
    return 0;
}
