/* Classes flow through project calls: owned, borrowed immutable, borrowed mutable. */
#include <stdlib.h>
#include <string.h>

struct ip_msg {
    // expect field ip_msg.body owned
    char *body;
    size_t len;
};

/* Defined below its callers on purpose. */
static void ip_msg_free(struct ip_msg *m);

// expect return ip_msg_new owned
struct ip_msg *ip_msg_new(const char *s) {
    struct ip_msg *m = malloc(sizeof *m);
    if (!m)
        return NULL;
    m->body = strdup(s);
    m->len = strlen(s);
    return m;
}

// expect return ip_msg_hello owned
struct ip_msg *ip_msg_hello(void) { return ip_msg_new("hello"); }

// expect param ip_msg_len.m borrowed immutable
size_t ip_msg_len(const struct ip_msg *m) { return m->len; }

/* Not const, but only lent to a reader. */
// expect param ip_peek.m borrowed immutable
size_t ip_peek(struct ip_msg *m) { return ip_msg_len(m); }

// expect param ip_msg_clear.m borrowed mutable
void ip_msg_clear(struct ip_msg *m) { m->len = 0; }

// expect param ip_reset.m borrowed mutable
void ip_reset(struct ip_msg *m) { ip_msg_clear(m); }

// expect param ip_consume.m owned
void ip_consume(struct ip_msg *m) {
    if (m)
        ip_msg_free(m);
}

/* Two calls deep: written through ip_reset, then moved into ip_consume. */
// expect param ip_finish.m owned mutable
void ip_finish(struct ip_msg *m) {
    ip_reset(m);
    ip_consume(m);
}

// expect param ip_msg_free.m owned
static void ip_msg_free(struct ip_msg *m) {
    free(m->body);
    free(m);
}
