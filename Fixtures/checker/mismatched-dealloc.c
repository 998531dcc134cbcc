/* mismatched-dealloc: a resource released with the wrong function (free of a
 * FILE *, fclose of malloc'd memory, zmq_close of a context...).
 * Reported at the line of the wrong release call. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zmq.h>

struct md_log {
    FILE *out;
    char *path;
};

/* Project allocator returning heap memory. */
static void *md_xalloc(size_t n) {
    void *p = calloc(1, n);
    if (!p)
        abort();
    return p;
}

/* Positive: a FILE from fopen is released with free. */
void md_free_file(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    fgetc(f);
    // expect diag mismatched-dealloc definite
    free(f);
}

/* Positive: malloc'd memory held in a void * handle is released with fclose. */
void md_fclose_heap(void) {
    void *h = malloc(128);
    if (!h)
        return;
    memset(h, 0, 128);
    // expect diag mismatched-dealloc definite
    fclose(h);
}

/* Positive: a context is released with zmq_close. */
void md_zmq_close_ctx(void) {
    void *ctx = zmq_ctx_new();
    if (!ctx)
        return;
    zmq_ctx_set(ctx, ZMQ_IO_THREADS, 2);
    // expect diag mismatched-dealloc definite
    zmq_close(ctx);
}

/* Positive: a socket is released with zmq_ctx_destroy. */
void md_destroy_socket(void *ctx) {
    void *s = zmq_socket(ctx, ZMQ_PUB);
    if (!s)
        return;
    zmq_bind(s, "tcp://*:5556");
    // expect diag mismatched-dealloc definite
    zmq_ctx_destroy(s);
}

/* Positive: a context is released with free. */
void md_free_ctx(void) {
    void *ctx = zmq_ctx_new();
    if (!ctx)
        return;
    // expect diag mismatched-dealloc definite
    free(ctx);
}

/* Positive: a pipe from popen is released with fclose instead of pclose. */
int md_fclose_pipe(void) {
    FILE *p = popen("ls", "r");
    if (!p)
        return -1;
    int c = fgetc(p);
    // expect diag mismatched-dealloc definite
    fclose(p);
    return c;
}

/* Positive (some path): f comes from popen or fopen but is always released with fclose. */
void md_maybe_pipe(const char *cmd, int shell) {
    FILE *f = shell ? popen(cmd, "r") : fopen(cmd, "r");
    if (!f)
        return;
    fgetc(f);
    // expect diag mismatched-dealloc possible
    fclose(f);
}

/* Negative: the release matches how f was opened on each path. */
void md_ok_matched_pipe(const char *cmd, int shell) {
    FILE *f = shell ? popen(cmd, "r") : fopen(cmd, "r");
    if (!f)
        return;
    fgetc(f);
    if (shell)
        pclose(f);
    else
        fclose(f);
}

/* Negative: the descriptor was moved into the FILE by fdopen, so fclose is right. */
int md_ok_fdopen(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "r");
    if (!f) { close(fd); return -1; }
    int c = fgetc(f);
    fclose(f);
    return c;
}

/* Negative: socket with zmq_close, context with zmq_ctx_term (another valid release). */
void md_ok_zmq_pair(void) {
    void *ctx = zmq_ctx_new();
    if (!ctx)
        return;
    void *s = zmq_socket(ctx, ZMQ_PUB);
    if (s)
        zmq_close(s);
    zmq_ctx_term(ctx);
}

/* Negative: memory from the project allocator is released with free. */
void md_ok_project_alloc(void) {
    char *p = md_xalloc(32);
    strcpy(p, "ok");
    puts(p);
    free(p);
}

/* Negative: the FILE field is closed with fclose, then the heap struct and string with free. */
void md_ok_log_close(struct md_log *l) {
    fclose(l->out);
    free(l->path);
    free(l);
}
