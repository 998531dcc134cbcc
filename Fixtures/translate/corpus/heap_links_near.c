// translate: near misses of links to handles that stay raw pointers and must still behave as
// C: a queue that keeps `struct node **tail` in a struct member across calls, a link compared
// with the address of the head (`pp == &head`), a link handed to a function called through a
// pointer, and a list head read directly while a link to it is live (Rust's borrow checker
// refuses that: the links are written as raw pointers)
// unsafe: q_put walk_with main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

struct queue {
    struct node *head;
    struct node **tail;
};

static void q_init(struct queue *q) {
    q->head = NULL;
    q->tail = &q->head;
}

static void q_put(struct queue *q, int v) {
    struct node *n = malloc(sizeof *n);
    n->value = v;
    n->next = NULL;
    *q->tail = n;
    q->tail = &n->next;
}

static int count_until(struct node **pp, int stop) {
    int n = 0;
    while (*pp && (*pp)->value != stop) {
        n++;
        pp = &(*pp)->next;
    }
    return n;
}

struct item {
    int key;
    struct item *next;
};

static struct item *item(int key, struct item *next) {
    struct item *it = malloc(sizeof *it);
    it->key = key;
    it->next = next;
    return it;
}

static int walk_with(int (*f)(struct node **, int), struct node **start, int stop) { return f(start, stop); }

int main(void) {
    struct queue q;
    q_init(&q);
    for (int i = 1; i <= 6; i++)
        q_put(&q, i * i);
    for (struct node *n = q.head; n; n = n->next)
        printf("%d ", n->value);
    printf("\n");

    struct node *head = q.head;
    struct node **pp = &head;
    int steps = 0;
    while (*pp && (*pp)->value < 20) {
        printf("at %d (head %d)%s\n", (*pp)->value, head->value, pp == &head ? " [head]" : "");
        pp = &(*pp)->next;
        steps++;
    }
    printf("steps %d, until 25: %d, through a pointer: %d\n", steps, count_until(&head, 25), walk_with(count_until, &head, 36));

    struct item *list = item(3, item(5, item(8, NULL)));
    struct item **ip = &list;
    while (*ip) {
        printf("%d/%d ", (*ip)->key, list->key);
        ip = &(*ip)->next;
    }
    *ip = item(13, NULL);
    printf("then %d\n", list->next->next->next->key);
    while (list) {
        struct item *next = list->next;
        free(list);
        list = next;
    }

    while (head) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
    return 0;
}
