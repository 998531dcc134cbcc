/* release-while-borrowed: an owner released or moved while something still
 * borrows from it: a zeromq context destroyed while one of its sockets is open,
 * a buffer reallocated (directly or through a callee that reallocs) while a
 * pointer into it is used afterwards (Rust: E0505/E0502).
 * Reported at the line of the release / realloc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

struct rwb_vec {
    int *data;
    size_t len;
    size_t cap;
};

struct rwb_client {
    void *ctx;
    void *sock;
};

/* Project function that may realloc v->data (a vector push). */
static int rwb_vec_push(struct rwb_vec *v, int x) {
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        int *d = realloc(v->data, cap * sizeof *d);
        if (!d)
            return -1;
        v->data = d;
        v->cap = cap;
    }
    v->data[v->len++] = x;
    return 0;
}

/* Positive: the context is destroyed before its socket is closed. */
void rwb_wrong_order(void) {
    void *ctx = zmq_ctx_new();
    if (!ctx) return;
    void *s = zmq_socket(ctx, ZMQ_REQ);
    if (!s) { zmq_ctx_destroy(ctx); return; }
    zmq_connect(s, "tcp://localhost:5555");
    // expect diag release-while-borrowed definite
    zmq_ctx_destroy(ctx);
    zmq_close(s);
}

/* Positive: the error path destroys the context before closing the socket. */
int rwb_error_path(void) {
    void *ctx = zmq_ctx_new();
    if (!ctx) return -1;
    void *s = zmq_socket(ctx, ZMQ_REQ);
    if (!s) { zmq_ctx_destroy(ctx); return -1; }
    if (zmq_connect(s, "tcp://localhost:5555") != 0) {
        // expect diag release-while-borrowed definite
        zmq_ctx_destroy(ctx);
        zmq_close(s);
        return -1;
    }
    zmq_close(s);
    zmq_ctx_destroy(ctx);
    return 0;
}

/* Constructor: c->sock is a socket of c->ctx (the socket borrows the context). */
struct rwb_client *rwb_client_new(void) {
    struct rwb_client *c = malloc(sizeof *c);
    if (!c)
        return NULL;
    c->ctx = zmq_ctx_new();
    c->sock = c->ctx ? zmq_socket(c->ctx, ZMQ_DEALER) : NULL;
    return c;
}

/* Positive: the client's teardown destroys the context while the socket is still open. */
void rwb_client_free(struct rwb_client *c) {
    // expect diag release-while-borrowed definite
    zmq_ctx_term(c->ctx);
    zmq_close(c->sock);
    free(c);
}

/* Positive: the socket is never closed when the context is destroyed (and it leaks). */
int rwb_never_closed(void) {
    void *ctx = zmq_ctx_new();
    if (!ctx) return -1;
    void *s = zmq_socket(ctx, ZMQ_PUSH);
    if (!s) { zmq_ctx_destroy(ctx); return -1; }
    zmq_send(s, "hi", 2, 0);
    // expect diag release-while-borrowed definite
    zmq_ctx_destroy(ctx);
    // expect diag leak definite
    return 0;
}

/* Positive: val points into buf and is read after buf was reallocated. */
int rwb_realloc_inner(void) {
    char *buf = malloc(16);
    if (!buf) return -1;
    strcpy(buf, "key=value");
    char *val = buf + 4;
    // expect diag release-while-borrowed
    char *nb = realloc(buf, 64);
    if (!nb) { free(buf); return -1; }
    int c = val[0];
    free(nb);
    return c;
}

/* Positive: mid = &buf[3] is read after buf was reallocated. */
int rwb_realloc_index(void) {
    char *buf = malloc(8);
    if (!buf) return -1;
    memcpy(buf, "abcdefg", 8);
    char *mid = &buf[3];
    // expect diag release-while-borrowed
    char *nb = realloc(buf, 64);
    if (!nb) { free(buf); return -1; }
    putchar(*mid);
    free(nb);
    return 0;
}

/* Positive: first points into v->data and is read after a push that may realloc it. */
int rwb_push_while_holding(struct rwb_vec *v) {
    if (v->len == 0)
        return -1;
    int *first = &v->data[0];
    // expect diag release-while-borrowed
    if (rwb_vec_push(v, 7) != 0) return -1;
    return *first;
}

/* Negative: the socket is closed before the context is destroyed. */
void rwb_ok_order(void) {
    void *ctx = zmq_ctx_new();
    if (!ctx) return;
    void *s = zmq_socket(ctx, ZMQ_REQ);
    if (!s) { zmq_ctx_destroy(ctx); return; }
    zmq_connect(s, "tcp://localhost:5555");
    zmq_close(s);
    zmq_ctx_destroy(ctx);
}

/* Negative: zmq_ctx_shutdown only borrows the context; it is not a release. */
void rwb_ok_shutdown_first(void) {
    void *ctx = zmq_ctx_new();
    if (!ctx) return;
    void *s = zmq_socket(ctx, ZMQ_SUB);
    if (!s) { zmq_ctx_term(ctx); return; }
    zmq_ctx_shutdown(ctx);
    zmq_close(s);
    zmq_ctx_term(ctx);
}

/* Negative: context a is destroyed while the open socket belongs to context b. */
void rwb_ok_other_context(void) {
    void *a = zmq_ctx_new();
    void *b = zmq_ctx_new();
    if (!a || !b) { if (a) zmq_ctx_destroy(a); if (b) zmq_ctx_destroy(b); return; }
    void *s = zmq_socket(b, ZMQ_PUB);
    zmq_ctx_destroy(a);
    if (s)
        zmq_close(s);
    zmq_ctx_destroy(b);
}

/* Negative: the pointer into the buffer is recomputed after realloc. */
int rwb_ok_recomputed(void) {
    char *buf = malloc(16);
    if (!buf) return -1;
    strcpy(buf, "key=value");
    char *val = buf + 4;
    putchar(*val);
    char *nb = realloc(buf, 64);
    if (!nb) { free(buf); return -1; }
    val = nb + 4;
    int c = val[0];
    free(nb);
    return c;
}

/* Negative: an offset into the buffer is kept across the realloc, not the pointer. */
int rwb_ok_offset(void) {
    char *buf = malloc(16);
    if (!buf) return -1;
    strcpy(buf, "key=value");
    char *val = buf + 4;
    size_t off = (size_t)(val - buf);
    char *nb = realloc(buf, 64);
    if (!nb) { free(buf); return -1; }
    int c = nb[off];
    free(nb);
    return c;
}

/* Negative: the element pointer is taken again after the push. */
int rwb_ok_push_then_take(struct rwb_vec *v) {
    if (rwb_vec_push(v, 7) != 0)
        return -1;
    int *first = &v->data[0];
    return *first;
}
