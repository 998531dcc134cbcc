/* Writes through a cursor as C writes them: `*out++ = c`, rows of a 2-D array parameter,
   a row taken out of it. Each makes the parameter mutable; reading the same shapes does not. */
#include <stddef.h>

// expect param cw_copy.out borrowed mutable
// expect param cw_copy.in borrowed immutable
size_t cw_copy(char *out, const char *in, size_t n) {
    char *start = out;
    for (size_t i = 0; i < n; i++) *out++ = in[i];
    return (size_t)(out - start);
}

// expect param cw_count.in borrowed immutable
size_t cw_count(char *in, char c) {
    size_t k = 0;
    while (*in) if (*in++ == c) k++;
    return k;
}

// expect param cw_set.state borrowed mutable
void cw_set(unsigned char state[4][4]) { state[1][2] = 3; }

// expect param cw_row.state borrowed mutable
void cw_row(unsigned char state[4][4]) {
    unsigned char *r = state[2];
    r[0] = 1;
}

// expect param cw_sum.state borrowed immutable
int cw_sum(unsigned char state[4][4]) {
    int s = 0;
    for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) s += state[i][j];
    return s;
}

/* A result that borrows from a parameter and that a caller writes through: the function
   returns `&mut` and takes that parameter `&mut`; a result only read leaves both shared. */
struct cw_slab { int *packets; int n; };
// expect param cw_packets.s borrowed mutable
int *cw_packets(struct cw_slab *s) { return s->packets; }
// expect param cw_apply.s borrowed mutable
void cw_apply(struct cw_slab *s) { int *p = cw_packets(s); p[0] = 1; }

// expect param cw_first.s borrowed immutable
int *cw_first(struct cw_slab *s) { return s->packets; }
// expect param cw_peek.s borrowed immutable
int cw_peek(struct cw_slab *s) { int *p = cw_first(s); return p[0]; }
