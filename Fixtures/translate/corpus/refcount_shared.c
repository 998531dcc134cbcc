// translate: a reference-counted object shared between owners with hand-written ref/unref
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct blob {
    int refs;
    size_t len;
    char *data;
};

struct owner {
    const char *name;
    struct blob *blob;
};

static struct blob *blob_new(const char *text) {
    struct blob *b = malloc(sizeof *b);
    if (b == NULL)
        return NULL;
    b->len = strlen(text);
    b->data = malloc(b->len + 1);
    memcpy(b->data, text, b->len + 1);
    b->refs = 1;
    printf("new blob \"%s\"\n", b->data);
    return b;
}

static struct blob *blob_ref(struct blob *b) {
    if (b)
        b->refs++;
    return b;
}

static void blob_unref(struct blob *o) {
    if (o == NULL)
        return;
    if (--o->refs == 0) {
        printf("free blob \"%s\"\n", o->data);
        free(o->data);
        free(o);
    }
}

static void owner_set(struct owner *w, struct blob *b) {
    struct blob *old = w->blob;
    w->blob = blob_ref(b); /* ref first: b may equal old */
    blob_unref(old);
}

static void show(const struct owner *ws, int n) {
    for (int i = 0; i < n; i++) {
        const struct blob *b = ws[i].blob;
        if (b)
            printf("  %s -> \"%s\" (refs=%d)\n", ws[i].name, b->data, b->refs);
        else
            printf("  %s -> nothing\n", ws[i].name);
    }
}

int main(void) {
    struct owner owners[3] = {{"editor", NULL}, {"viewer", NULL}, {"cache", NULL}};

    struct blob *doc = blob_new("shared document");
    owner_set(&owners[0], doc);
    owner_set(&owners[1], doc);
    owner_set(&owners[2], doc);
    blob_unref(doc); /* drop the creator's reference */
    show(owners, 3);

    struct blob *draft = blob_new("draft v2");
    owner_set(&owners[0], draft);
    blob_unref(draft);
    owner_set(&owners[0], owners[0].blob); /* self-assignment must not free */
    show(owners, 3);

    owner_set(&owners[1], NULL);
    printf("viewer dropped\n");
    owner_set(&owners[2], owners[0].blob);
    printf("cache switched\n");
    show(owners, 3);

    for (int i = 0; i < 3; i++)
        owner_set(&owners[i], NULL);
    show(owners, 3);
    return 0;
}
