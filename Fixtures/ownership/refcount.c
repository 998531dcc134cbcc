/* Reference counting: the blob's pointers that take part are shared (Rc). */
#include <stdlib.h>
#include <string.h>

struct rc_blob {
    int refs;
    size_t len;
    // expect field rc_blob.data owned
    char *data;
};

// expect return rc_blob_new shared
// expect param rc_blob_new.s borrowed immutable
struct rc_blob *rc_blob_new(const char *s) {
    struct rc_blob *b = malloc(sizeof *b);
    if (!b) return NULL;
    b->refs = 1;
    b->len = strlen(s);
    b->data = strdup(s);
    return b;
}

// expect return rc_blob_ref shared rust="Rc<rc_blob>"
// expect param rc_blob_ref.b shared
struct rc_blob *rc_blob_ref(struct rc_blob *b) {
    b->refs++;
    return b;
}

// expect param rc_blob_unref.b shared
void rc_blob_unref(struct rc_blob *b) {
    if (--b->refs == 0) {
        free(b->data);
        free(b);
    }
}

struct rc_view {
    // expect field rc_view.blob shared rust="Rc<rc_blob>"
    struct rc_blob *blob;
    size_t off;
};

// expect return rc_view_new owned
// expect param rc_view_new.b shared
struct rc_view *rc_view_new(struct rc_blob *b, size_t off) {
    struct rc_view *v = malloc(sizeof *v);
    if (!v) return NULL;
    v->blob = rc_blob_ref(b);
    v->off = off;
    return v;
}

// expect param rc_view_free.v owned
void rc_view_free(struct rc_view *v) {
    rc_blob_unref(v->blob);
    free(v);
}

int rc_demo(void) {
    // expect local rc_demo.b shared
    struct rc_blob *b = rc_blob_new("abc");
    // expect local rc_demo.v owned
    struct rc_view *v = rc_view_new(b, 1);
    rc_blob_unref(b);
    int c = v->blob->data[v->off];
    rc_view_free(v);
    return c;
}
