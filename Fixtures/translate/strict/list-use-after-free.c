// strict: use-after-free -> rustc E0382 (borrow of moved value)
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

static struct node *push(struct node *head, int value) {
    struct node *n = malloc(sizeof *n);
    if (n == NULL)
        exit(1);
    n->value = value;
    n->next = head;
    return n;
}

static void free_list(struct node *head) {
    while (head != NULL) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
}

int main(void) {
    struct node *list = push(NULL, 0);
    for (int i = 1; i < 4; i++)
        list = push(list, i);
    free_list(list);
    printf("first: %d\n", list->value);   /* the list was released above */
    return 0;
}
