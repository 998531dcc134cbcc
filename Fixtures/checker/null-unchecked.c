/* null-unchecked: the result of an allocation that can fail (malloc, calloc,
 * realloc, strdup, fopen...) is dereferenced with no null check on that path.
 * Reported at the line of the dereference. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct nu_item {
    int id;
    char *name;
};

/* Project allocator that never returns NULL: it aborts instead. */
static void *nu_xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p)
        abort();
    return p;
}

/* Positive: a field is written through the unchecked result of malloc. */
struct nu_item *nu_item_new(int id) {
    struct nu_item *it = malloc(sizeof *it);
    // expect diag null-unchecked definite
    it->id = id;
    it->name = NULL;
    return it;
}

/* Positive: calloc's result is written through without a check. */
int *nu_counter_new(void) {
    int *c = calloc(1, sizeof *c);
    // expect diag null-unchecked definite
    *c = 1;
    return c;
}

/* Positive: strcpy writes into the unchecked result of malloc. */
char *nu_copy(const char *s) {
    char *p = malloc(strlen(s) + 1);
    // expect diag null-unchecked definite
    strcpy(p, s);
    return p;
}

/* Positive: the result of realloc is indexed without a check. */
char *nu_terminate(char *buf, size_t n) {
    char *nb = realloc(buf, n + 1);
    // expect diag null-unchecked definite
    nb[n] = '\0';
    return nb;
}

/* Positive: the first character of strdup's result is written without a check. */
char *nu_capitalize(const char *s) {
    char *t = strdup(s);
    // expect diag null-unchecked definite
    t[0] = 'A';
    return t;
}

/* Positive: fprintf writes to the unchecked FILE from fopen. */
void nu_write_log(const char *path, int code) {
    FILE *f = fopen(path, "a");
    // expect diag null-unchecked definite
    fprintf(f, "code %d\n", code);
    fclose(f);
}

/* Positive: fgets reads from the unchecked FILE from fopen. */
int nu_first_line(const char *path, char *out, int n) {
    FILE *f = fopen(path, "r");
    // expect diag null-unchecked definite
    int ok = fgets(out, n, f) != NULL;
    fclose(f);
    return ok;
}

/* Positive (some path): the check only happens in strict mode. */
int *nu_maybe_checked(int strict) {
    int *p = malloc(sizeof *p);
    if (strict && !p)
        return NULL;
    // expect diag null-unchecked possible
    *p = 0;
    return p;
}

/* Negative: `if (!p) return` guards the dereference. */
struct nu_item *nu_ok_item_new(int id) {
    struct nu_item *it = malloc(sizeof *it);
    if (!it)
        return NULL;
    it->id = id;
    it->name = NULL;
    return it;
}

/* Negative: the dereference is inside `if (p)`. */
int *nu_ok_if_nonnull(void) {
    int *c = calloc(1, sizeof *c);
    if (c) {
        *c = 1;
    }
    return c;
}

/* Negative: abort() ends the null path. */
char *nu_ok_abort(const char *s) {
    char *p = malloc(strlen(s) + 1);
    if (p == NULL)
        abort();
    strcpy(p, s);
    return p;
}

/* Negative: exit() ends the null path of fopen. */
void nu_ok_exit(const char *path) {
    FILE *f = fopen(path, "a");
    if (!f) {
        perror(path);
        exit(1);
    }
    fprintf(f, "started\n");
    fclose(f);
}

/* Negative: the check is in the assignment's condition. */
char *nu_ok_assign_in_condition(const char *s) {
    char *t;
    if ((t = strdup(s)) == NULL)
        return NULL;
    t[0] = 'A';
    return t;
}

/* Negative: the project allocator aborts instead of returning NULL. */
struct nu_item *nu_ok_xmalloc(int id) {
    struct nu_item *it = nu_xmalloc(sizeof *it);
    it->id = id;
    it->name = NULL;
    return it;
}

/* Negative: assert(p) (builds with asserts on, as czmq's do): glibc's assert ends in
   __assert_fail, noreturn through its type (`__attribute__((__noreturn__))`, no attribute
   cursor), so past it p is not NULL. */
char *nu_ok_asserted(const char *s) {
    char *p = malloc(strlen(s) + 1);
    assert(p);
    strcpy(p, s);
    return p;
}

/* Negative: a project's own fatal-error function declared noreturn the GNU way. */
void nu_die(const char *why) __attribute__ ((__noreturn__));
char *nu_ok_or_die(size_t n) {
    char *p = malloc(n);
    if (!p) nu_die("out of memory");
    p[0] = '\0';
    return p;
}

/* Near miss: the assertion is about another pointer. */
char *nu_asserted_other(const char *s, const char *t) {
    char *p = malloc(strlen(s) + 1);
    assert(t);
    // expect diag null-unchecked definite
    strcpy(p, s);
    return p;
}

/* Negative: one combined check covers both allocations. */
int nu_ok_combined(size_t n) {
    char *a = malloc(n + 1);
    char *b = malloc(n + 1);
    if (!a || !b) { free(a); free(b); return -1; }
    a[0] = b[0] = '\0';
    free(a);
    free(b);
    return 0;
}

/* Negative: realloc's result is checked before the write; the old block is kept on failure. */
int nu_ok_realloc(char **buf, size_t n) {
    char *nb = realloc(*buf, n + 1);
    if (!nb)
        return -1;
    nb[n] = '\0';
    *buf = nb;
    return 0;
}

/* An error setter that also records on the handle when there is one (bzip2's BZ_SETERR). */
struct nu_handle { int last_err; int ok; };
#define NU_SETERR(e) { if (err != NULL) *err = (e); if (h != NULL) h->last_err = (e); }

/* Negative: inside the branch where h is null the macro's `h != NULL` is false; after it,
 * h is known non-null and the macro's test again does not make it null. */
struct nu_handle *nu_ok_seterr_open(int *err) {
    struct nu_handle *h = NULL;
    NU_SETERR(0);
    h = malloc(sizeof *h);
    if (h == NULL) { NU_SETERR(-3); return NULL; }
    NU_SETERR(0);
    h->ok = 1;
    return h;
}

/* Positive (the near miss): the macro runs before the result is tested. */
struct nu_handle *nu_seterr_before_test(int *err) {
    struct nu_handle *h = malloc(sizeof *h);
    // expect diag null-unchecked definite
    h->ok = 0;
    NU_SETERR(0);
    return h;
}

/* Fills its out-parameter and returns 0 when it succeeds (the POSIX convention). */
struct nu_cfg { int port; };
static int nu_load(int ok, struct nu_cfg **out) {
    if (!ok) return -1;
    struct nu_cfg *c = malloc(sizeof *c);
    if (!c) return -1;
    c->port = 80;
    *out = c;
    return 0;
}

/* Negative: where nu_load returned 0 the configuration was filled; `if (f(&out))` is not
 * taken to mean that a false result filled nothing. */
int nu_ok_zero_on_success(int ok) {
    struct nu_cfg *cfg = NULL;
    if (nu_load(ok, &cfg)) return -1;
    int port = cfg->port;
    free(cfg);
    return port;
}
