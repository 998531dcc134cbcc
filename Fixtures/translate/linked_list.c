// translate: singly linked list of ints with push, sum, reverse and free
// exit: 0
#include <stdio.h>
#include <stdlib.h>

#define COUNT 6

struct node {
    int value;
    struct node *next;
};

struct node *push(struct node *head, int v) {
    struct node *n = malloc(sizeof *n);
    if (n == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    n->value = v;
    n->next = head;
    return n;
}

int list_length(const struct node *head) {
    int count = 0;
    for (const struct node *n = head; n != NULL; n = n->next) {
        count++;
    }
    return count;
}

long list_sum(const struct node *head) {
    long sum = 0;
    for (const struct node *n = head; n != NULL; n = n->next) {
        sum += n->value;
    }
    return sum;
}

void list_print(const struct node *head) {
    for (const struct node *n = head; n != NULL; n = n->next) {
        printf("%d ", n->value);
    }
    puts("");
}

struct node *list_reverse(struct node *head) {
    struct node *prev = NULL;
    while (head != NULL) {
        struct node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

void list_free(struct node *head) {
    while (head != NULL) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
}

int main(void) {
    struct node *head = NULL;
    for (int i = 1; i <= COUNT; i++) {
        head = push(head, i * i);
    }
    printf("length: %d\n", list_length(head));
    printf("sum: %ld\n", list_sum(head));
    list_print(head);
    head = list_reverse(head);
    list_print(head);
    list_free(head);
    return 0;
}
