/* A binary tree: owned children, a borrowed back pointer to the parent. */
#include <stdlib.h>

struct tr_node {
    int key;
    // expect field tr_node.left owned rust="Option<Box<tr_node>>"
    struct tr_node *left;
    // expect field tr_node.right owned rust="Option<Box<tr_node>>"
    struct tr_node *right;
    /* Never freed through, never written through: an alias of the owning node. */
    // expect field tr_node.parent borrowed immutable
    struct tr_node *parent;
};

// expect return tr_new owned
// expect param tr_new.parent borrowed immutable
struct tr_node *tr_new(int key, struct tr_node *parent) {
    struct tr_node *n = calloc(1, sizeof *n);
    if (!n) return NULL;
    n->key = key;
    n->parent = parent;
    return n;
}

// expect param tr_insert.root borrowed mutable
int tr_insert(struct tr_node *root, int key) {
    // expect local tr_insert.cur borrowed mutable
    struct tr_node *cur = root;
    for (;;) {
        if (key < cur->key) {
            if (!cur->left) return (cur->left = tr_new(key, cur)) ? 0 : -1;
            cur = cur->left;
        } else {
            if (!cur->right) return (cur->right = tr_new(key, cur)) ? 0 : -1;
            cur = cur->right;
        }
    }
}

/* Plain recursion that frees both children and the node. */
// expect param tr_free.n owned
void tr_free(struct tr_node *n) {
    if (!n) return;
    tr_free(n->left);
    tr_free(n->right);
    free(n);
}

// expect param tr_height.n borrowed immutable
int tr_height(const struct tr_node *n) {
    if (!n) return 0;
    // expect local tr_height.l value immutable
    int l = tr_height(n->left), r = tr_height(n->right);
    return 1 + (l > r ? l : r);
}

// expect return tr_min borrowed
// expect param tr_min.n borrowed immutable
const struct tr_node *tr_min(const struct tr_node *n) {
    while (n->left)
        n = n->left;
    return n;
}

/* A binary search tree insert that returns the (possibly new) root: the parameter is moved in
   and handed back, so it is owned, and so is the result. */
struct tr_bst { int key; struct tr_bst *left; struct tr_bst *right; };
// expect return tr_bst_insert owned
// expect param tr_bst_insert.t owned rust="Option<Box<tr_bst>>"
struct tr_bst *tr_bst_insert(struct tr_bst *t, int key) {
    if (t == NULL) {
        struct tr_bst *n = malloc(sizeof *n);
        if (n == NULL) exit(1);
        n->key = key;
        n->left = n->right = NULL;
        return n;
    }
    if (key < t->key) t->left = tr_bst_insert(t->left, key);
    else t->right = tr_bst_insert(t->right, key);
    return t;
}

void tr_bst_use(void) {
    // expect local tr_bst_use.root owned rust="Option<Box<tr_bst>>"
    struct tr_bst *root = NULL;
    root = tr_bst_insert(root, 3);
    root = tr_bst_insert(root, 1);
    free(root->left);
    free(root);
}
