/* free-non-heap: releasing the address of a local, a global, a string literal
 * or an array. Reported at the line of the free/release call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fnh_node {
    char *label;
    int weight;
};

static char fnh_default_name[16] = "anonymous";
static char *fnh_buffer;
static struct fnh_node fnh_root;

/* Project function that releases its parameter and the field it owns. */
static void fnh_node_free(struct fnh_node *n) {
    free(n->label);
    free(n);
}

/* Positive: p points at a local int. */
void fnh_local(void) {
    int count = 0;
    int *p = &count;
    *p += 1;
    // expect diag free-non-heap definite
    free(p);
}

/* Positive: a local array is freed. */
void fnh_array(int v) {
    char buf[64];
    snprintf(buf, sizeof buf, "%d", v);
    puts(buf);
    // expect diag free-non-heap definite
    free(buf);
}

/* Positive: a string literal is freed. */
void fnh_literal(void) {
    char *label = "untitled";
    puts(label);
    // expect diag free-non-heap definite
    free(label);
}

/* Positive (some path): without a given name, name points at a global array. */
void fnh_maybe_default(const char *given) {
    char *name = given ? strdup(given) : fnh_default_name;
    if (!name)
        return;
    puts(name);
    // expect diag free-non-heap possible
    free(name);
}

/* Positive: fnh_node_free frees its parameter, here the address of a local struct. */
void fnh_stack_node(void) {
    struct fnh_node n = { NULL, 0 };
    n.weight = 3;
    // expect diag free-non-heap definite
    fnh_node_free(&n);
}

/* Positive: the address of a global struct is freed. */
void fnh_global_struct(void) {
    fnh_root.weight = 1;
    // expect diag free-non-heap definite
    free(&fnh_root);
}

/* Negative: p first points at a local array but holds a heap copy when freed. */
void fnh_ok_reassigned(void) {
    char tmp[8] = "x";
    char *p = tmp;
    puts(p);
    p = strdup("heap");
    if (!p)
        return;
    puts(p);
    free(p);
}

/* Negative: the struct is local, but the freed field is heap memory. */
void fnh_ok_local_struct_field(void) {
    struct fnh_node n = { NULL, 0 };
    n.label = strdup("leaf");
    if (n.label)
        puts(n.label);
    free(n.label);
}

/* Negative: the global array is never freed; only the heap copy is. */
void fnh_ok_guarded_default(const char *given) {
    char *name = given ? strdup(given) : fnh_default_name;
    if (!name)
        return;
    puts(name);
    if (name != fnh_default_name)
        free(name);
}

/* Negative: a local array whose elements are heap pointers; the elements are freed. */
void fnh_ok_array_of_heap(void) {
    char *items[2];
    items[0] = strdup("a");
    items[1] = strdup("b");
    for (int i = 0; i < 2; i++)
        free(items[i]);
}

/* Negative: a global pointer that holds heap memory. */
void fnh_ok_global_pointer(void) {
    free(fnh_buffer);
    fnh_buffer = malloc(128);
}

/* Negative: fnh_node_free gets a heap node. */
void fnh_ok_heap_node(void) {
    struct fnh_node *n = calloc(1, sizeof *n);
    if (!n)
        return;
    n->weight = 3;
    fnh_node_free(n);
}
