/* stack-address-escape: the address of a local returned, or stored into a
 * global, a static or an object that outlives the frame (Rust: E0515, E0597).
 * Reported at the `return` or at the assignment that stores the address. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sae_req {
    const char *path;
    int *status;
};

struct sae_name {
    char text[16];
};

static int *sae_current;

/* Project function that only reads the request while it runs. */
static int sae_run(const struct sae_req *r) {
    return r->path ? (int)strlen(r->path) : 0;
}

/* Positive: returns the address of a local. */
int *sae_counter(void) {
    int count = 0;
    count++;
    // expect diag stack-address-escape definite
    return &count;
}

/* Positive: returns a local array, which decays to its address. */
char *sae_format(int v) {
    char buf[32];
    snprintf(buf, sizeof buf, "%d", v);
    // expect diag stack-address-escape definite
    return buf;
}

/* Positive: stores a local's address into a global. */
void sae_register(void) {
    int value = 42;
    // expect diag stack-address-escape definite
    sae_current = &value;
}

/* Positive: stores a local array into a static local, which outlives the frame. */
void sae_remember(const char *n) {
    static const char *last;
    char copy[32];
    snprintf(copy, sizeof copy, "%s", n);
    // expect diag stack-address-escape definite
    last = copy;
}

/* Positive: stores a local array into a field of the caller's struct. */
void sae_prepare(struct sae_req *r, int id) {
    char path[64];
    snprintf(path, sizeof path, "/tmp/job-%d", id);
    // expect diag stack-address-escape definite
    r->path = path;
}

/* Positive (some path): p still points at the local when use_heap is 0. */
int *sae_maybe_local(int use_heap) {
    int fallback = 0;
    int *p = &fallback;
    if (use_heap) {
        p = malloc(sizeof *p);
        if (!p)
            return NULL;
        *p = 1;
    }
    // expect diag stack-address-escape possible
    return p;
}

/* Negative: a static local outlives the frame. */
int *sae_ok_static(void) {
    static int count;
    count++;
    return &count;
}

/* Negative: a heap pointer is returned. */
int *sae_ok_heap(void) {
    int *p = malloc(sizeof *p);
    if (!p)
        return NULL;
    *p = 0;
    return p;
}

/* Negative: the local's address is stored in another local only. */
int sae_ok_local_pointer(void) {
    int x = 1;
    int *p = &x;
    *p = 3;
    return x;
}

/* Negative: the local's address is stored in a local struct that dies with the frame. */
int sae_ok_local_struct(void) {
    int st = 0;
    struct sae_req req = { "/tmp/x", NULL };
    req.status = &st;
    return sae_run(&req) + *req.status;
}

/* Negative: the caller's field borrows the local only during the call, then is cleared. */
int sae_ok_scoped(struct sae_req *r) {
    int st = 0;
    r->status = &st;
    int n = sae_run(r);
    r->status = NULL;
    return n + st;
}

/* Negative: a struct holding an array is returned by value (copied). */
struct sae_name sae_ok_by_value(const char *s) {
    struct sae_name n;
    snprintf(n.text, sizeof n.text, "%s", s);
    return n;
}

/* Negative: the address returned points into the caller's array, not a local. */
int *sae_ok_param_element(int *arr, int i) {
    return &arr[i];
}
