/* Parameters that take ownership: freed, closed, stored into an owner, or moved on. */
#include <stdio.h>
#include <stdlib.h>

struct po_item {
    int id;
    // expect field po_item.label owned immutable
    char *label;
};

struct po_box {
    // expect field po_box.item owned
    struct po_item *item;
};

/* Freed: the callee is the owner. */
// expect param po_release.it owned
void po_release(struct po_item *it) {
    free(it->label);
    free(it);
}

/* Passed to an owning parameter: a move. */
// expect param po_discard.it owned
void po_discard(struct po_item *it) {
    if (it)
        po_release(it);
}

/* Stored into an owning field (po_box_free releases it). */
// expect param po_box_put.b borrowed mutable
// expect param po_box_put.item owned
void po_box_put(struct po_box *b, struct po_item *item) {
    po_discard(b->item);
    b->item = item;
}

// expect param po_box_free.b owned
void po_box_free(struct po_box *b) {
    po_discard(b->item);
    free(b);
}

/* Closed: a FILE * handed over to be closed is owned. */
// expect param po_finish_log.f owned
void po_finish_log(FILE *f) {
    fputs("bye\n", f);
    fclose(f);
}
