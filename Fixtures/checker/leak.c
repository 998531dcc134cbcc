/* leak: an owned resource (heap memory, FILE *, descriptor, zeromq context or
 * socket, initialised zmq_msg_t) becomes unreachable without being released.
 * Reported at the `return` through which it escapes unreleased, or at the
 * closing brace when execution falls off the end. */
#include <assert.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zmq.h>
#include <pthread.h>

struct lk_conn {
    char *name;
    int port;
};

static char *lk_last_error;

/* Project function that takes ownership of its parameter. */
static void lk_consume(char *s) {
    puts(s);
    free(s);
}

/* Positive: a is leaked on the error path where the second allocation fails. */
int lk_two_buffers(size_t n) {
    char *a = malloc(n);
    if (!a)
        return -1;
    char *b = malloc(n);
    // expect diag leak definite
    if (!b) return -1;
    memcpy(b, a, n);
    free(a);
    free(b);
    return 0;
}

/* Positive: the FILE is not closed when reading the header fails. */
int lk_read_header(const char *path, char *out, int n) {
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    if (!fgets(out, n, f)) {
        // expect diag leak definite
        return -1;
    }
    fclose(f);
    return 0;
}

/* Positive: the descriptor is never closed; execution falls off the end. */
void lk_touch(const char *path) {
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return;
    write(fd, "x", 1);
    // expect diag leak definite
}

/* Positive: the copy is printed but never freed. */
void lk_print_copy(const char *s) {
    char *t = strdup(s);
    if (!t)
        return;
    t[0] = 'X';
    puts(t);
    // expect diag leak definite
}

/* Positive: the context leaks when the socket cannot be created. */
int lk_zmq_ctx(void) {
    void *ctx = zmq_ctx_new();
    if (!ctx)
        return -1;
    void *s = zmq_socket(ctx, ZMQ_PUSH);
    // expect diag leak definite
    if (!s) return -1;
    zmq_close(s);
    zmq_ctx_destroy(ctx);
    return 0;
}

/* Positive: zmq_msg_send failed, so the message is still ours and is not closed. */
int lk_msg_send_fail(void *sock) {
    zmq_msg_t msg;
    if (zmq_msg_init_size(&msg, 5) != 0)
        return -1;
    memcpy(zmq_msg_data(&msg), "hello", 5);
    // expect diag leak definite
    if (zmq_msg_send(&msg, sock, 0) == -1) return -1;
    return 0;
}

/* Positive: the buffer is freed only when the write succeeds; the error return leaks it. */
int lk_free_on_success_only(int fd) {
    char *buf = calloc(1, 64);
    if (!buf)
        return -1;
    if (write(fd, buf, 64) != 64)
        // expect diag leak definite
        return -1;
    free(buf);
    return 0;
}

/* Negative: ownership goes to the caller through the return value. */
char *lk_ok_make(size_t n) {
    char *p = malloc(n);
    if (!p)
        return NULL;
    memset(p, 0, n);
    return p;
}

/* Negative: the copy is stored into a field of the parameter, which owns it. */
int lk_ok_set_name(struct lk_conn *c, const char *name) {
    char *s = strdup(name);
    if (!s)
        return -1;
    free(c->name);
    c->name = s;
    return 0;
}

/* Negative: the copy is stored into a global. */
void lk_ok_set_error(const char *msg) {
    char *s = strdup(msg);
    if (!s)
        return;
    free(lk_last_error);
    lk_last_error = s;
}

/* Negative: every path goes through the cleanup label, which releases both. */
int lk_ok_goto_cleanup(const char *path, size_t n) {
    int rc = -1;
    char *buf = NULL;
    FILE *f = fopen(path, "r");
    if (!f) goto cleanup;
    buf = malloc(n);
    if (!buf) goto cleanup;
    if (fread(buf, 1, n, f) == n) rc = 0;
cleanup:
    free(buf);
    if (f)
        fclose(f);
    return rc;
}

/* Negative: the string is handed to lk_consume, which frees it. */
void lk_ok_handoff(void) {
    char *s = strdup("bye");
    if (!s)
        return;
    lk_consume(s);
}

/* Negative: the early return happens only when malloc returned NULL; nothing is owned then. */
int lk_ok_null_return(void) {
    char *p = malloc(32);
    if (p == NULL)
        return -1;
    snprintf(p, 32, "%d", 42);
    puts(p);
    free(p);
    return 0;
}

/* Negative: a successful zmq_msg_send takes the message over; the failure path closes it. */
int lk_ok_msg_send(void *sock) {
    zmq_msg_t msg;
    if (zmq_msg_init_size(&msg, 5) != 0)
        return -1;
    memcpy(zmq_msg_data(&msg), "hello", 5);
    if (zmq_msg_send(&msg, sock, 0) == -1) {
        zmq_msg_close(&msg);
        return -1;
    }
    return 0;
}

/* Negative: a failed open() owns nothing; the valid descriptor is returned to the caller. */
int lk_ok_open_fd(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    return fd;
}

/* Negative: on realloc failure *buf still owns the old block; on success it owns the new one. */
int lk_ok_grow(char **buf, size_t n) {
    char *nb = realloc(*buf, n);
    if (!nb)
        return -1;
    *buf = nb;
    return 0;
}

/* Negative: a container function keeps the item it is given (stores it into a node's field). */
struct lk_node { void *item; struct lk_node *next; };
struct lk_list { struct lk_node *head; };
static void lk_list_push(struct lk_list *l, void *item) {
    struct lk_node *n = malloc(sizeof *n);
    if (!n) return;
    n->item = item;
    n->next = l->head;
    l->head = n;
}
void lk_ok_pushed(struct lk_list *l) {
    char *s = malloc(8);
    if (!s) return;
    lk_list_push(l, s);
}

/* Negative: a destroy wrapper hands its T** straight on; the pointee is released through it. */
static void lk_thing_destroy_checked(char **self_p, int line) {
    (void)line;
    if (*self_p) { free(*self_p); *self_p = NULL; }
}
static void lk_thing_destroy(char **self_p) { lk_thing_destroy_checked(self_p, 0); }
void lk_ok_destroy_wrapper(void) {
    char *t = malloc(4);
    if (!t) return;
    lk_thing_destroy(&t);
    t = malloc(8);
    if (!t) return;
    lk_thing_destroy(&t);
}

/* Negative: the callee takes *p over (stores it and nulls the caller's pointer, czmq's
   zmsg_append(msg, &frame) convention); the variable is then reused. */
struct lk_msg { void *frames[4]; int n; };
static int lk_msg_append(struct lk_msg *m, char **frame_p) {
    char *frame = *frame_p;
    *frame_p = NULL;
    m->frames[m->n++] = frame;
    return 0;
}
void lk_ok_taken_over(struct lk_msg *m) {
    char *f = malloc(8);
    if (!f) return;
    lk_msg_append(m, &f);
    f = malloc(8);
    if (!f) return;
    lk_msg_append(m, &f);
}

/* Positive: the result is only tested and never kept; on the path where it is null nothing leaks. */
int lk_tested_only(void) {
    if (!malloc(4))
        return 1;
    // expect diag leak definite
    return 0;
}

/* Negative: the list head is handed to the call that makes the new head, in a loop: the old
   node lives on inside the new one (the same allocation site, a new instance each time). */
struct lk_link { int v; struct lk_link *next; };
static struct lk_link *lk_link_push(struct lk_link *head, int v) {
    struct lk_link *n = malloc(sizeof *n);
    if (!n) exit(1);
    n->v = v;
    n->next = head;
    return n;
}
static void lk_link_free(struct lk_link *head) {
    while (head) { struct lk_link *next = head->next; free(head); head = next; }
}
void lk_ok_push_loop(int count) {
    struct lk_link *head = NULL;
    for (int i = 0; i < count; i++)
        head = lk_link_push(head, i);
    lk_link_free(head);
}

/* Positive: a loop allocates into the same variable without releasing the previous block. */
void lk_loop_overwrite(int count) {
    char *p = NULL;
    for (int i = 0; i < count; i++) {
        // expect diag leak possible
        p = malloc(16);
    }
    free(p);
}

/* Negative: a mutex in static storage is initialised once and lives as long as the program. */
static pthread_mutex_t lk_global_mutex;
void lk_ok_init_global_mutex(void) {
    pthread_mutex_init(&lk_global_mutex, NULL);
}

/* Positive: a mutex on the stack is initialised and never destroyed. */
int lk_local_mutex(void) {
    pthread_mutex_t m;
    pthread_mutex_init(&m, NULL);
    pthread_mutex_lock(&m);
    pthread_mutex_unlock(&m);
    // expect diag leak definite
    return 0;
}

/* Negative: `__attribute__((cleanup(f)))` hands the buffer to f(&buf) at every exit of the
   scope (systemd's _cleanup_free_, glib's g_autofree). */
static void lk_freep(void *p) { free(*(void **)p); }
int lk_ok_cleanup(int k) {
    __attribute__((cleanup(lk_freep))) char *buf = malloc(16);
    if (!buf) return -1;
    buf[0] = (char)k;
    return buf[0];
}

/* Near miss: the same shape without the attribute leaks. */
int lk_no_cleanup(int k) {
    char *buf = malloc(16);
    if (!buf) return -1;
    buf[0] = (char)k;
    // expect diag leak definite
    return buf[0];
}

/* Negative: a stream that is stdin or a file opened here, closed only when it is not stdin. */
int lk_ok_stdin_or_file(const char *path) {
    FILE *in = path ? fopen(path, "r") : stdin;
    if (!in) return -1;
    int n = 0, c;
    while ((c = fgetc(in)) != EOF) n += c == '\n';
    if (in != stdin) fclose(in);
    return n;
}

/* Near miss: closed only when it IS stdin, so the opened file leaks. */
int lk_stdin_closed_instead(const char *path) {
    FILE *in = path ? fopen(path, "r") : stdin;
    if (!in) return -1;
    int c = fgetc(in);
    if (in == stdin) fclose(in);
    // expect diag leak definite
    return c;
}

/* Negative: an empty message (zmq_msg_init) holds nothing, so returning after a failed
 * receive leaks nothing (czmq's zstr_recv). */
int lk_ok_empty_msg_failed_recv(void *sock) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    if (zmq_msg_recv(&msg, sock, 0) == -1)
        return -1;
    int size = (int)zmq_msg_size(&msg);
    zmq_msg_close(&msg);
    return size;
}

/* A sender that takes its arguments through varargs (czmq's zsock_send with "p"). */
static int lk_send_picture(int fd, const char *picture, ...) { (void)picture; return fd < 0 ? -1 : 0; }

/* Negative: the list is handed on through the varargs sender, which may keep it. */
int lk_ok_handed_through_varargs(int fd) {
    for (int i = 0; i < 3; i++) {
        char *diff = malloc(16);
        if (!diff) return -1;
        if (lk_send_picture(fd, "p", diff) != 0) { free(diff); return -1; }
    }
    return 0;
}

/* Negative: `assert(0)` does not return, so nothing leaks past it (libyaml's dumper). */
int lk_take(char *p);
int lk_ok_assert_false(int k) {
    char *anchor = malloc(16);
    if (!anchor) return 0;
    switch (k) {
    case 1: return lk_take(anchor);
    case 2: return lk_take(anchor);
    default: assert(0); break;
    }
    return 0;
}

/* Negative: the file is opened at most once, guarded by a flag that is set with it
 * (libyaml's test programs). */
int lk_ok_open_once(int argc, char **argv) {
    FILE *in = stdin;
    int found = 0;
    for (int i = 1; i < argc; i++) {
        if (!found) { in = fopen(argv[i], "rb"); found = 1; }
    }
    if (!in) return 1;
    int c = fgetc(in);
    if (found) fclose(in);
    return c;
}

/* Positive (the near miss): the flag is not set, so a second file overwrites the first. */
int lk_open_again(int argc, char **argv) {
    FILE *in = stdin;
    int found = 0;
    for (int i = 1; i < argc; i++) {
        // expect diag leak possible
        if (!found) in = fopen(argv[i], "rb");
    }
    if (!in) return 1;
    found = fgetc(in);
    if (in != stdin) fclose(in);
    return found;
}

/* Negative: opened and closed under the same test of an unchanged pointer (expat's xmlwf). */
int lk_ok_same_guard(const char *filename) {
    int fd = 0;
    if (filename != NULL) {
        fd = open(filename, O_RDONLY);
        if (fd < 0) return 0;
    }
    char buf[64];
    if (read(fd, buf, sizeof buf) < 0) {
        if (filename != NULL) close(fd);
        return 0;
    }
    if (filename != NULL) close(fd);
    return 1;
}

/* Stores a new block through its out-parameter only when it succeeds (libyaml's
 * process_directives). */
static int lk_make_directive(int ok, char **out) {
    char *d = malloc(8);
    if (!d) return 0;
    if (!ok) { free(d); return 0; }
    *out = d;
    return 1;
}
/* Negative: on failure nothing was stored, so returning leaks nothing. */
int lk_ok_out_param_on_success(int ok) {
    char *directive = NULL;
    if (!lk_make_directive(ok, &directive)) return 0;
    free(directive);
    return 1;
}

/* Positive (the near miss): the stored block is not released on the success path. */
int lk_out_param_kept(int ok) {
    char *directive = NULL;
    if (!lk_make_directive(ok, &directive)) return 0;
    // expect diag leak definite
    return 1;
}
