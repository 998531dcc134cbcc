// translate: unbalanced binary search tree with insert, in-order print, height and count
// exit: 0
#include <stdio.h>
#include <stdlib.h>

#define KEY_COUNT 10

struct tree {
    int key;
    struct tree *left;
    struct tree *right;
};

struct tree *insert(struct tree *t, int key) {
    if (t == NULL) {
        struct tree *n = malloc(sizeof *n);
        if (n == NULL) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
        n->key = key;
        n->left = NULL;
        n->right = NULL;
        return n;
    }
    if (key < t->key)
        t->left = insert(t->left, key);
    else
        t->right = insert(t->right, key);
    return t;
}

void tree_print(const struct tree *t) {
    if (t == NULL)
        return;
    tree_print(t->left);
    printf("%d ", t->key);
    tree_print(t->right);
}

int tree_height(const struct tree *t) {
    if (t == NULL)
        return 0;
    int l = tree_height(t->left);
    int r = tree_height(t->right);
    if (l > r)
        return l + 1;
    return r + 1;
}

int tree_count(const struct tree *t) {
    if (t == NULL)
        return 0;
    return 1 + tree_count(t->left) + tree_count(t->right);
}

long tree_sum(const struct tree *t) {
    if (t == NULL)
        return 0;
    return t->key + tree_sum(t->left) + tree_sum(t->right);
}

void tree_free(struct tree *t) {
    if (t == NULL)
        return;
    tree_free(t->left);
    tree_free(t->right);
    free(t);
}

int main(void) {
    int keys[KEY_COUNT] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65};
    struct tree *root = NULL;
    for (int i = 0; i < KEY_COUNT; i++) {
        root = insert(root, keys[i]);
    }
    tree_print(root);
    puts("");
    printf("count: %d\n", tree_count(root));
    printf("height: %d\n", tree_height(root));
    printf("sum: %ld\n", tree_sum(root));
    tree_free(root);
    return 0;
}
