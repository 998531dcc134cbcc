/* Pointers indexed or advanced with a length beside them are slices; owned buffers are Vecs. */
#include <stdlib.h>
#include <string.h>

// expect param sl_sum.a borrowed immutable rust="&[i32]"
int sl_sum(const int *a, size_t n) {
    // expect local sl_sum.s value mutable
    int s = 0;
    // expect local sl_sum.i value mutable
    for (size_t i = 0; i < n; i++)
        s += a[i];
    return s;
}

// expect param sl_fill.a borrowed mutable rust="&mut [i32]"
void sl_fill(int *a, size_t n, int v) {
    for (size_t i = 0; i < n; i++)
        a[i] = v;
}

// expect param sl_copy.dst borrowed mutable rust="&mut [f64]"
// expect param sl_copy.src borrowed immutable rust="&[f64]"
void sl_copy(double *dst, const double *src, size_t n) {
    memcpy(dst, src, n * sizeof *dst);
}

/* Advanced, not indexed. */
// expect param sl_checksum.p borrowed immutable rust="&[u8]"
unsigned sl_checksum(const unsigned char *p, size_t len) {
    unsigned h = 0;
    while (len--)
        h = h * 31u + *p++;
    return h;
}

int sl_squares_total(size_t n) {
    // expect local sl_squares_total.buf owned mutable rust="Vec<i32>"
    int *buf = malloc(n * sizeof(int));
    if (!buf) return -1;
    for (size_t i = 0; i < n; i++)
        buf[i] = (int)(i * i);
    // expect local sl_squares_total.total value immutable
    int total = sl_sum(buf, n);
    free(buf);
    return total;
}

struct sl_point { int x, y; };

int sl_manhattan(int x, int y) {
    // expect local sl_manhattan.p owned mutable rust="Box<sl_point>"
    struct sl_point *p = malloc(sizeof *p);
    if (!p) return -1;
    p->x = x < 0 ? -x : x;
    p->y = y < 0 ? -y : y;
    int d = p->x + p->y;
    free(p);
    return d;
}

/* Elements reached through a field (p[i].x) make p a slice too. */
struct sl_pt { int x; int y; };
// expect param sl_sum_x.pts borrowed immutable rust="&[sl_pt]"
int sl_sum_x(const struct sl_pt *pts, int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += pts[i].x;
    return s;
}
