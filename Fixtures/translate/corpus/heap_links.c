// translate: pointers to pointers that relink lists and trees in place, the way C code walks
// them: removal of every matching node through `struct node **pp`, sorted insertion, a binary
// search tree's insertion and deletion through `link = &(*link)->left`, a hash table's chains
// reached through `&t->buckets[h]`, a link handed to a recursive helper, and a list head kept
// in a struct that a function is given by pointer
// safe: push remove_if insert_sorted print_list free_list bst_insert bst_remove bst_walk bst_free put take chain_length insert_rec main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

struct tree {
    int key;
    struct tree *left, *right;
};

struct entry {
    int key, count;
    struct entry *next;
};

struct table {
    struct entry *buckets[7];
    int size;
};

struct list {
    int id;
    struct node *head;
};

static void push(struct node **head, int v) {
    struct node *n = malloc(sizeof *n);
    n->value = v;
    n->next = *head;
    *head = n;
}

static int remove_if(struct node **pp, int divisor) {
    int removed = 0;
    while (*pp) {
        if ((*pp)->value % divisor == 0) {
            struct node *dead = *pp;
            *pp = dead->next;
            free(dead);
            removed++;
        } else {
            pp = &(*pp)->next;
        }
    }
    return removed;
}

static void insert_sorted(struct list *l, int v) {
    struct node **pp = &l->head;
    while (*pp && (*pp)->value < v)
        pp = &(*pp)->next;
    struct node *n = malloc(sizeof *n);
    n->value = v;
    n->next = *pp;
    *pp = n;
}

static void print_list(const char *label, struct node *n) {
    printf("%s:", label);
    for (; n; n = n->next)
        printf(" %d", n->value);
    printf("\n");
}

static void free_list(struct node *n) {
    while (n) {
        struct node *next = n->next;
        free(n);
        n = next;
    }
}

static void bst_insert(struct tree **root, int key) {
    struct tree **link = root;
    while (*link)
        link = key < (*link)->key ? &(*link)->left : &(*link)->right;
    struct tree *t = malloc(sizeof *t);
    t->key = key;
    t->left = t->right = NULL;
    *link = t;
}

static int bst_remove(struct tree **root, int key) {
    struct tree **link = root;
    while (*link && (*link)->key != key)
        link = key < (*link)->key ? &(*link)->left : &(*link)->right;
    struct tree *t = *link;
    if (!t)
        return 0;
    if (!t->left) {
        *link = t->right;
    } else if (!t->right) {
        *link = t->left;
    } else {
        /* the smallest key of the right subtree takes t's place */
        struct tree **succ = &t->right;
        while ((*succ)->left)
            succ = &(*succ)->left;
        struct tree *s = *succ;
        *succ = s->right;
        s->left = t->left;
        s->right = t->right;
        *link = s;
    }
    free(t);
    return 1;
}

static void bst_walk(struct tree *t, int depth) {
    if (!t)
        return;
    bst_walk(t->left, depth + 1);
    printf(" %d/%d", t->key, depth);
    bst_walk(t->right, depth + 1);
}

static void bst_free(struct tree *t) {
    if (!t)
        return;
    bst_free(t->left);
    bst_free(t->right);
    free(t);
}

static void put(struct table *t, int key) {
    struct entry **pp = &t->buckets[(unsigned)key % 7];
    while (*pp && (*pp)->key != key)
        pp = &(*pp)->next;
    if (*pp) {
        (*pp)->count++;
        return;
    }
    struct entry *e = malloc(sizeof *e);
    e->key = key;
    e->count = 1;
    e->next = NULL;
    *pp = e; /* appended at the chain's end */
    t->size++;
}

static int take(struct table *t, int key) {
    for (struct entry **pp = &t->buckets[(unsigned)key % 7]; *pp; pp = &(*pp)->next) {
        if ((*pp)->key == key) {
            struct entry *e = *pp;
            int c = e->count;
            *pp = e->next;
            free(e);
            t->size--;
            return c;
        }
    }
    return 0;
}

static int chain_length(struct entry *e) { return e ? 1 + chain_length(e->next) : 0; }

static void insert_rec(struct node **link, int v) {
    if (!*link || (*link)->value >= v) {
        struct node *n = malloc(sizeof *n);
        n->value = v;
        n->next = *link;
        *link = n;
        return;
    }
    insert_rec(&(*link)->next, v);
}

int main(void) {
    struct node *head = NULL;
    for (int i = 1; i <= 12; i++)
        push(&head, i);
    print_list("pushed", head);
    int gone = remove_if(&head, 3);
    print_list("without multiples of 3", head);
    gone += remove_if(&head->next, 2);
    print_list("then evens after the first", head);

    struct list sorted = {1, NULL};
    int values[] = {42, 7, 19, 7, 88, 1, 23};
    for (int i = 0; i < 7; i++)
        insert_sorted(&sorted, values[i]);
    print_list(sorted.id == 1 ? "sorted" : "?", sorted.head);

    struct node *rec = NULL;
    for (int i = 0; i < 7; i++)
        insert_rec(&rec, values[6 - i]);
    print_list("recursive", rec);

    struct tree *root = NULL;
    int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65};
    for (int i = 0; i < 10; i++)
        bst_insert(&root, keys[i]);
    printf("tree:");
    bst_walk(root, 0);
    printf("\n");
    int removed = bst_remove(&root, 30) + bst_remove(&root, 50) + bst_remove(&root, 99) + bst_remove(&root, 20);
    printf("removed %d, tree:", removed);
    bst_walk(root, 0);
    printf("\n");

    struct table t = {{NULL}, 0};
    int words[] = {3, 10, 17, 3, 24, 5, 12, 10, 3, 31};
    for (int i = 0; i < 10; i++)
        put(&t, words[i]);
    printf("size %d, chain of 3: %d, of 5: %d\n", t.size, chain_length(t.buckets[3]), chain_length(t.buckets[5]));
    int c3 = take(&t, 3), c17 = take(&t, 17), c99 = take(&t, 99);
    printf("took 3 x%d, 17 x%d, 99 x%d; size %d, chain of 3: %d\n", c3, c17, c99, t.size, chain_length(t.buckets[3]));

    free_list(head);
    free_list(sorted.head);
    free_list(rec);
    bst_free(root);
    for (int b = 0; b < 7; b++)
        while (t.buckets[b])
            take(&t, t.buckets[b]->key);
    printf("gone %d, left %d\n", gone, t.size);
    return 0;
}
