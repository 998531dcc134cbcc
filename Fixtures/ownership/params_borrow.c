/* Parameters that are only lent: read through, or written through. */
#include <stddef.h>
#include <string.h>

struct pb_vec { double x, y, z; };

// expect param pb_dot.a borrowed immutable rust="&pb_vec"
// expect param pb_dot.b borrowed immutable
double pb_dot(const struct pb_vec *a, const struct pb_vec *b) {
    return a->x * b->x + a->y * b->y + a->z * b->z;
}

/* Not const, but only read (lent twice to a reader): still an immutable borrow. */
// expect param pb_norm2.v borrowed immutable
double pb_norm2(struct pb_vec *v) {
    return pb_dot(v, v);
}

// expect param pb_scale.v borrowed mutable rust="&mut pb_vec"
void pb_scale(struct pb_vec *v, double k) {
    v->x *= k;
    v->y *= k;
    v->z *= k;
}

/* Lent to memset's destination. */
// expect param pb_zero.v borrowed mutable
void pb_zero(struct pb_vec *v) {
    memset(v, 0, sizeof *v);
}

// expect param pb_set.out borrowed mutable rust="&mut i32"
void pb_set(int *out, int v) {
    *out = v;
}

// expect param pb_copy.dst borrowed mutable
// expect param pb_copy.src borrowed immutable
void pb_copy(struct pb_vec *dst, const struct pb_vec *src) {
    memcpy(dst, src, sizeof *dst);
}

/* Lent to a project function whose parameter is a mutable borrow. */
// expect param pb_reset.v borrowed mutable
void pb_reset(struct pb_vec *v) {
    pb_scale(v, 0.0);
}
