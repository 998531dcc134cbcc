/* double-free: a second release of the same object on some path, including
 * through a project function that releases its parameter.
 * Reported at the line of the second release. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zmq.h>

struct df_conn {
    char *name;
    int port;
};

/* Project function that releases its parameter and the field it owns. */
static void df_conn_destroy(struct df_conn *c) {
    free(c->name);
    free(c);
}

/* Project function that releases only the field, not the struct itself. */
static void df_conn_clear(struct df_conn *c) {
    free(c->name);
    c->name = NULL;
}

/* Project function that takes the string and frees it. */
static void df_log_and_free(char *msg) {
    fputs(msg, stderr);
    free(msg);
}

/* Positive: the struct is freed by df_conn_destroy and then again by the caller. */
void df_destroy_then_free(struct df_conn *c) {
    df_conn_destroy(c);
    // expect diag double-free definite
    free(c);
}

/* Positive: df_log_and_free already freed msg. */
void df_log_twice(void) {
    char *msg = strdup("disconnected\n");
    if (!msg)
        return;
    df_log_and_free(msg);
    // expect diag double-free definite
    free(msg);
}

/* Positive (some path): the short-buffer path frees and jumps to the label that frees again. */
int df_goto_twice(size_t n) {
    char *buf = malloc(n);
    if (!buf)
        return -1;
    if (n < 4) {
        free(buf);
        goto out;
    }
    memset(buf, 0, n);
out:
    // expect diag double-free possible
    free(buf);
    return 0;
}

/* Positive: after a successful realloc the old pointer is already released. */
void df_after_realloc(char *p, size_t n) {
    char *q = realloc(p, n);
    if (!q) { free(p); return; }
    memset(q, 0, n);
    free(q);
    // expect diag double-free definite
    free(p);
}

/* Positive (some path): the FILE is closed on EOF and then closed again. */
int df_fclose_twice(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int c = fgetc(f);
    if (c == EOF)
        fclose(f);
    // expect diag double-free possible
    fclose(f);
    return c;
}

/* Positive: the zeromq socket is closed twice. */
void df_zmq_close_twice(void *ctx) {
    void *s = zmq_socket(ctx, ZMQ_PUSH);
    if (!s)
        return;
    zmq_close(s);
    // expect diag double-free definite
    zmq_close(s);
}

/* Positive: the descriptor is closed twice. */
void df_close_twice(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return;
    close(fd);
    // expect diag double-free definite
    close(fd);
}

/* Negative: the pointer is set to NULL after the first free; free(NULL) does nothing. */
void df_ok_nulled(void) {
    char *p = malloc(8);
    if (!p)
        return;
    free(p);
    p = NULL;
    free(p);
}

/* Negative: the error path frees and returns, so the second free is never reached after it. */
int df_ok_early_return(int fail) {
    char *p = malloc(8);
    if (!p)
        return -1;
    if (fail) { free(p); return -1; }
    memset(p, 0, 8);
    free(p);
    return 0;
}

/* Negative: when realloc fails the old block is still ours and is freed once. */
int df_ok_realloc_fail(char *p, size_t n) {
    char *q = realloc(p, n);
    if (!q) { free(p); return -1; }
    memset(q, 0, n);
    free(q);
    return 0;
}

/* Negative: the variable holds a new allocation at the second free. */
void df_ok_reassigned(void) {
    char *s = strdup("a");
    if (!s)
        return;
    free(s);
    s = strdup("b");
    free(s);
}

/* Negative: df_conn_clear frees only the field; the caller frees the struct. */
void df_ok_clear_then_free(struct df_conn *c) {
    df_conn_clear(c);
    free(c);
}

/* Negative: two distinct objects, each released once. */
void df_ok_two_objects(void) {
    char *a = strdup("a");
    char *b = strdup("b");
    free(a);
    free(b);
}

/* A handle that keeps the caller's stream without owning it (bzip2's BZ2_bzWriteOpen). */
struct df_writer { FILE *out; int written; };
static struct df_writer *df_writer_open(FILE *out) {
    struct df_writer *w = malloc(sizeof *w);
    if (!w) return NULL;
    w->out = out;
    w->written = 0;
    return w;
}
static void df_writer_close(struct df_writer *w) {
    fflush(w->out);
    free(w);
}

/* Negative: the stream stored in the handle is still the caller's to close. */
int df_ok_stream_kept_by_handle(const char *path) {
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    struct df_writer *w = df_writer_open(f);
    if (!w) { fclose(f); return -1; }
    fputs("x", f);
    df_writer_close(w);
    fclose(f);
    return 0;
}

/* Closes and frees the handle only when it is in a good state; reports which through *err
 * (bzip2's BZ2_bzWriteClose). */
static void df_writer_finish(int *err, struct df_writer *w) {
    if (w->written < 0) { if (err) *err = -1; return; }
    fflush(w->out);
    free(w);
    if (err) *err = 0;
}

/* Negative: the first call may not have freed it; the error path releases it again. */
void df_ok_finish_on_error(struct df_writer *w) {
    int err = 0;
    df_writer_finish(&err, w);
    if (err != 0) {
        w->written = 0;
        df_writer_finish(NULL, w);
    }
}

/* Positive (the near miss): df_conn_destroy frees its parameter on every path. */
void df_destroy_twice_through_project(struct df_conn *c) {
    df_conn_destroy(c);
    // expect diag double-free definite
    df_conn_destroy(c);
}

/* Negative: a line buffer reused across iterations; a copy of the old pointer left in a
 * variable of the loop body (czmq's zconfig_chunk_load) does not keep it alive. */
static int df_skip_spaces(char **s) { while (**s == ' ') (*s)++; return **s ? 0 : -1; }
int df_ok_line_buffer(const char *data, size_t remaining) {
    char fixed[64];
    char *line = NULL;
    while (remaining) {
        size_t n = remaining > 100 ? 100 : remaining;
        if (line && line != fixed) { free(line); line = NULL; }
        if (n > 50) {
            line = malloc(n + 1);
            if (!line) break;
        } else {
            line = fixed;
        }
        memcpy(line, data, n);
        line[n] = 0;
        data += n;
        remaining -= n;
        char *scan = line;
        if (df_skip_spaces(&scan) == -1) break;
    }
    if (line && line != fixed) free(line);
    return 0;
}

/* Grows a buffer through out-parameters, writing back its start and its end; on failure
 * nothing is freed (libyaml's yaml_string_extend). */
static int df_grow(char **start, char **end) {
    size_t size = (size_t)(*end - *start);
    char *n = realloc(*start, size * 2);
    if (!n) return 0;
    *start = n;
    *end = n + size * 2;
    return 1;
}

/* Negative: the end pointer follows the block into its new place; one free at the end. */
int df_ok_grown_in_loop(int k) {
    char *s = malloc(16), *e;
    if (!s) return 0;
    for (e = s + 16; k > 0; k--)
        if (!df_grow(&s, &e)) { free(s); return 0; }
    free(s);
    return 1;
}

/* Negative: a cursor over an array of records frees each element's fields (libyaml's
 * tag directives). */
struct df_pair { char *handle; char *prefix; };
void df_ok_free_each_element(struct df_pair *start, struct df_pair *end) {
    for (struct df_pair *p = start; p != end; p++) {
        free(p->handle);
        free(p->prefix);
    }
    free(start);
}

/* Positive (the near miss): the cursor does not move, so the same field is freed twice. */
void df_free_same_element(struct df_pair *start, int n) {
    struct df_pair *p = start;
    for (int i = 0; i < n; i++) {
        // expect diag double-free definite
        free(p->handle);
    }
}

/* An allocator that keeps the size in front of the block it hands out (jansson's tests). */
static void *df_sized_alloc(size_t size) {
    char *p = malloc(size + 8);
    if (!p) return NULL;
    memcpy(p, &size, sizeof size);
    return p + 8;
}
/* Negative: stepping back from the pointer it was given finds the start of the block. */
static void df_ok_sized_free(void *ptr) {
    char *p = (char *)ptr - 8;
    free(p);
}
void df_ok_sized(void) {
    void *q = df_sized_alloc(4);
    if (q) df_ok_sized_free(q);
}

/* Positive (the near miss): a block this function allocated, freed from before its start. */
void df_free_before_start(void) {
    char *p = malloc(16);
    if (!p) return;
    // expect diag free-offset definite
    free(p + 1 - 2);
}

/* Fills two out-parameters on success only (libyaml's scan_tag_directive_value). */
static int df_scan_pair(const char *in, char **handle, char **prefix) {
    if (!in || !*in) return 0;
    char *h = strdup(in), *p = strdup(in);
    if (!h || !p) { free(h); free(p); return 0; }
    *handle = h;
    *prefix = p;
    return 1;
}
/* Negative: two objects, each freed once; on failure nothing was made. */
int df_ok_two_out_params(const char *in) {
    char *handle = NULL, *prefix = NULL;
    if (!df_scan_pair(in, &handle, &prefix)) goto error;
    free(handle);
    free(prefix);
    return 1;
error:
    free(prefix);
    free(handle);
    return 0;
}

/* Negative: two owners swapped through a temporary on one branch, then both freed on the
 * error path (libyaml's yaml_parser_scan_tag). */
int df_ok_swapped_owners(char **out_a, char **out_b) {
    char *a = calloc(8, 1), *b = calloc(8, 1);
    if (!a || !b) goto error;
    if (a[0] == '\0') { char *tmp = a; a = b; b = tmp; }
    if (b[1] == 'x') goto error;
    *out_a = a;
    *out_b = b;
    return 1;
error:
    free(a);
    free(b);
    return 0;
}

/* Positive (the near miss): on one branch both variables hold the same block, which is no
 * swap: the second free may free it again. */
void df_same_block_on_one_branch(int c) {
    char *a = malloc(8), *b = malloc(8);
    if (!a || !b) { free(a); free(b); return; }
    if (c) { free(b); b = a; }
    free(a);
    // expect diag double-free possible
    free(b);
}
