/* use-after-free: a read, write, pass or return of memory after it was freed,
 * closed or moved into an owning callee (Rust: E0382, use of moved value).
 * Reported at the line of the use. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zmq.h>

struct uaf_conn {
    char *name;
    int port;
};

struct uaf_buf {
    char *data;
    size_t len;
};

struct uaf_node {
    struct uaf_node *next;
    int value;
};

/* Project function that releases its parameter and the field it owns. */
static void uaf_conn_destroy(struct uaf_conn *c) {
    free(c->name);
    free(c);
}

/* Positive: the value is read back after the block was freed. */
int uaf_read_after_free(void) {
    int *p = malloc(sizeof *p);
    if (!p)
        return -1;
    *p = 7;
    free(p);
    // expect diag use-after-free definite
    return *p;
}

/* Positive: the project function uaf_conn_destroy frees c, then c is read. */
int uaf_use_after_destroy(struct uaf_conn *c) {
    uaf_conn_destroy(c);
    // expect diag use-after-free definite
    return c->port;
}

/* Positive: a FILE is written after fclose. */
int uaf_write_after_fclose(const char *path) {
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fclose(f);
    // expect diag use-after-free definite
    fprintf(f, "done\n");
    return 0;
}

/* Positive: a descriptor is written after close. */
int uaf_write_after_close(const char *path) {
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return -1;
    close(fd);
    // expect diag use-after-free definite
    return (int)write(fd, "x", 1);
}

/* Positive (some path): on the hard path the buffer is freed and then written. */
void uaf_buf_reset(struct uaf_buf *b, int hard) {
    if (hard)
        free(b->data);
    b->len = 0;
    // expect diag use-after-free possible
    b->data[0] = '\0';
}

/* Positive: fd was moved into the FILE by fdopen; fclose closed it, then it is read. */
int uaf_fd_after_fdopen(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "r");
    if (!f) { close(fd); return -1; }
    fclose(f);
    char c;
    // expect diag use-after-free definite
    return (int)read(fd, &c, 1);
}

/* Positive: the freed pointer is passed on to another function. */
void uaf_log_after_free(void) {
    char *msg = strdup("shutting down");
    if (!msg)
        return;
    free(msg);
    // expect diag use-after-free definite
    puts(msg);
}

/* Negative: the example; the early-return path frees, the other path uses then frees. */
void uaf_ok_early_return(int cancel) {
    char *p = malloc(16);
    if (!p)
        return;
    if (cancel) { free(p); return; }
    strcpy(p, "ok");
    puts(p);
    free(p);
}

/* Negative: the value is copied out before the free; only the copy is returned. */
int uaf_ok_copy_before_free(void) {
    int *p = malloc(sizeof *p);
    if (!p)
        return -1;
    *p = 7;
    int v = *p;
    free(p);
    return v;
}

/* Negative: the field is overwritten (not dereferenced) after the free. */
void uaf_ok_reset_field(struct uaf_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = 0;
}

/* Negative: next is read before the node is freed; head then gets a fresh value. */
void uaf_ok_free_list(struct uaf_node *head) {
    while (head) {
        struct uaf_node *next = head->next;
        free(head);
        head = next;
    }
}

/* Negative: the pointer is given a new allocation before it is used again. */
void uaf_ok_reassigned(void) {
    char *s = strdup("first");
    if (!s)
        return;
    free(s);
    s = strdup("second");
    if (!s)
        return;
    puts(s);
    free(s);
}

/* Negative: a different connection is destroyed than the one that is read. */
int uaf_ok_other_destroyed(struct uaf_conn *old, const struct uaf_conn *cur) {
    uaf_conn_destroy(old);
    return cur->port;
}

/* Negative: a result that points into buf is tested for null; buf is freed only on that branch
   and reset, so what is returned is either NULL or the live buffer. */
char *uaf_ok_derived_null(const char *src) {
    char *buf = malloc(16);
    if (!buf) return NULL;
    strncpy(buf, src, 15);
    buf[15] = '\0';
    char *end = strchr(buf, 'x');
    if (end == NULL) {
        free(buf);
        buf = NULL;
    }
    return buf;
}

/* A list that keeps the items it is given (czmq's zlist_append, zhashx_insert). */
struct uaf_list { void *items[8]; int n; };
static void uaf_list_add(struct uaf_list *l, void *item) { if (l->n < 8) l->items[l->n++] = item; }

/* Negative: the item is still good after the list took a copy of the pointer. */
int uaf_ok_after_list_add(struct uaf_list *l) {
    struct uaf_buf *b = malloc(sizeof *b);
    if (!b) return -1;
    uaf_list_add(l, b);
    b->len = 0;
    return 0;
}

/* Negative: a successful zmq_msg_send leaves an empty message that may be received into and
 * closed again (czmq's zproxy). */
void uaf_ok_msg_reused(void *in, void *out) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    while (1) {
        if (zmq_msg_recv(&msg, in, ZMQ_DONTWAIT) == -1) break;
        if (zmq_msg_send(&msg, out, 0) == -1) { zmq_msg_close(&msg); break; }
    }
}

/* A writer over a stream, closed with it (bzip2recover's BitStream). */
struct uaf_writer { FILE *out; int bits; };
static struct uaf_writer *uaf_writer_open(FILE *out) {
    struct uaf_writer *w = malloc(sizeof *w);
    if (!w) exit(1);
    w->out = out;
    w->bits = 0;
    return w;
}
static void uaf_writer_put(struct uaf_writer *w, int c) { fputc(c, w->out); w->bits++; }
static void uaf_writer_close(struct uaf_writer *w) { fclose(w->out); free(w); }

/* Negative: the writer is live exactly while `out` is non-null, and every use tests `out`. */
int uaf_ok_writer_guarded_by_stream(const char *path) {
    struct uaf_writer *w = NULL;
    FILE *out = NULL;
    int c, i = 0;
    while ((c = getchar()) != EOF) {
        if (out != NULL && i % 3 == 0) uaf_writer_put(w, c);
        i++;
        if (i % 10 == 9) {
            if (out != NULL) { uaf_writer_close(w); out = NULL; }
        } else if (i % 10 == 0 && out == NULL) {
            out = fopen(path, "wb");
            if (!out) exit(1);
            w = uaf_writer_open(out);
        }
    }
    if (out != NULL) uaf_writer_close(w);
    return 0;
}

/* Positive (the near miss): one use tests something else than the stream. */
int uaf_writer_unguarded(const char *path) {
    struct uaf_writer *w = NULL;
    FILE *out = NULL;
    int c, i = 0;
    while ((c = getchar()) != EOF) {
        // expect diag use-after-free possible
        if (i > 10 && i % 3 == 0) uaf_writer_put(w, c);
        i++;
        if (i % 10 == 9) {
            if (out != NULL) { uaf_writer_close(w); out = NULL; }
        } else if (i % 10 == 0 && out == NULL) {
            out = fopen(path, "wb");
            if (!out) exit(1);
            w = uaf_writer_open(out);
        }
    }
    if (out != NULL) uaf_writer_close(w);
    return 0;
}

/* A list appended to at its end and handed back (bzip2's snocString). */
struct uaf_names { char *name; struct uaf_names *link; };

static struct uaf_names *uaf_names_new(char *name) {
    struct uaf_names *n = malloc(sizeof *n);
    if (!n) exit(1);
    n->name = name;
    n->link = NULL;
    return n;
}

static struct uaf_names *uaf_snoc(struct uaf_names *root, char *name) {
    if (root == NULL) return uaf_names_new(name);
    struct uaf_names *tmp = root;
    while (tmp->link != NULL) tmp = tmp->link;
    /* Negative: `p->link = f(p->link, x)` gives the field's list to f and takes it back. */
    tmp->link = uaf_snoc(tmp->link, name);
    return root;
}

int uaf_ok_snoc_twice(char *a, char *b) {
    struct uaf_names *l = uaf_snoc(NULL, a);
    l = uaf_snoc(l, b);
    int n = 0;
    for (struct uaf_names *p = l; p; p = p->link) n++;
    while (l) { struct uaf_names *next = l->link; free(l); l = next; }
    return n;
}

static void uaf_names_free(struct uaf_names *l) {
    while (l) { struct uaf_names *next = l->link; free(l); l = next; }
}

/* Positive (the near miss): the callee frees the list on every path, then it is written. */
void uaf_names_reset(struct uaf_names *p) {
    uaf_names_free(p);
    // expect diag use-after-free definite
    p->link = NULL;
}
