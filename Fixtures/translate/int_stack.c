// translate: a stack of ints kept through a pointer to its head (push/pop via struct node **)
// args: 5 1 4 + 9 - 2
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
    int value;
    struct node *next;
};

static void push(struct node **head, int v) {
    struct node *n = malloc(sizeof *n);
    if (n == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    n->value = v;
    n->next = *head;
    *head = n;
}

static int pop(struct node **head) {
    struct node *n = *head;
    int v = n->value;
    *head = n->next;
    free(n);
    return v;
}

static int depth(const struct node *head) {
    int d = 0;
    for (const struct node *n = head; n != NULL; n = n->next)
        d++;
    return d;
}

static void stack_free(struct node *head) {
    while (head != NULL) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
}

int main(int argc, char **argv) {
    struct node *stack = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "+") == 0 || strcmp(argv[i], "-") == 0) {
            if (depth(stack) < 2) {
                fprintf(stderr, "not enough values for %s\n", argv[i]);
                stack_free(stack);
                return 2;
            }
            int b = pop(&stack);
            int a = pop(&stack);
            push(&stack, strcmp(argv[i], "+") == 0 ? a + b : a - b);
        } else {
            push(&stack, atoi(argv[i]));
        }
        printf("after %-2s depth %d top %d\n", argv[i], depth(stack), stack->value);
    }
    while (stack != NULL)
        printf("left %d\n", pop(&stack));
    return 0;
}
