/* Mutual recursion: an item owns its text, its children and its next sibling. */
#include <stdlib.h>

struct rec_item {
    int marked;
    // expect field rec_item.text owned
    char *text;
    // expect field rec_item.children owned
    struct rec_item *children;
    // expect field rec_item.sibling owned
    struct rec_item *sibling;
};

static void rec_free_item(struct rec_item *it);
static int rec_count_item(const struct rec_item *it);
static void rec_mark_item(struct rec_item *it);

/* Frees nothing itself: hands every item to rec_free_item, which calls back here. */
// expect param rec_free_siblings.first owned
void rec_free_siblings(struct rec_item *first) {
    while (first) {
        struct rec_item *next = first->sibling;
        rec_free_item(first);
        first = next;
    }
}

// expect param rec_free_item.it owned
static void rec_free_item(struct rec_item *it) {
    free(it->text);
    rec_free_siblings(it->children);
    free(it);
}

// expect param rec_count_siblings.first borrowed immutable
int rec_count_siblings(const struct rec_item *first) {
    int n = 0;
    for (; first; first = first->sibling)
        n += rec_count_item(first);
    return n;
}

// expect param rec_count_item.it borrowed immutable
static int rec_count_item(const struct rec_item *it) {
    return 1 + rec_count_siblings(it->children);
}

// expect param rec_mark_siblings.first borrowed mutable
void rec_mark_siblings(struct rec_item *first) {
    for (; first; first = first->sibling)
        rec_mark_item(first);
}

// expect param rec_mark_item.it borrowed mutable
static void rec_mark_item(struct rec_item *it) {
    it->marked = 1;
    rec_mark_siblings(it->children);
}
