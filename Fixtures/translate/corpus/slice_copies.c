// translate: parts of arrays copied with memcpy and memmove as array code does: an insertion
// that shifts the tail up (`memmove(&a[i + 1], &a[i], (n - i) * sizeof a[0])`), a removal that
// shifts it down through a record's member array, a history window that drops its oldest
// entries, a slice parameter filled from an offset (`copy_into(y + 1, x, 3)`), a char buffer
// shifted to make room (given the buffer and its length in one call, `make_room(s, 2, strlen(s))`), two member arrays of one record copied one onto the other, and a whole
// row of a matrix copied onto another (a value copy), a literal copied into a buffer, a tail
// moved back from `n - k` (`memmove(a, a + n - k, ...)`), and records copied between arrays.
// Each is a slice copy (`copy_within` inside one array, `copy_from_slice` between two): no
// unsafe. Near misses keep the C library: a count that is no whole number of elements, parts of
// two rows of one matrix (they may overlap), and arrays of unions (no one Rust value to copy).
// safe: insert_at remove_at push_history copy_into make_room swap_halves copy_row keep_last copy_records
// unsafe: odd_bytes copy_rows copy_words
// exit: 0
#include <stdio.h>
#include <string.h>

#define CAP 8

struct list {
    int items[CAP];
    int n;
};

struct history {
    double last[4];
    double prev[4];
    int count;
};

struct pair { int a, b; };

static void insert_at(int *a, int n, int i, int v) {
    memmove(&a[i + 1], &a[i], (size_t)(n - i) * sizeof a[0]);
    a[i] = v;
}

static void remove_at(struct list *l, int i) {
    memmove(l->items + i, l->items + i + 1, (size_t)(l->n - i - 1) * sizeof(int));
    l->n--;
}

static void push_history(struct history *h, double v) {
    memcpy(h->prev, h->last, sizeof h->prev);
    memmove(h->last, h->last + 1, 3 * sizeof(double));
    h->last[3] = v;
    h->count++;
}

static void copy_into(double *dst, const double *src, int n) {
    memcpy(dst, src, (size_t)n * sizeof *dst);
}

static void make_room(char *s, int at, int len) {
    memmove(s + at + 2, s + at, (size_t)(len - at + 1));
    s[at] = '-';
    s[at + 1] = '-';
}

static void swap_halves(int *v, int half) {
    int tmp[CAP];
    memcpy(tmp, v, (size_t)half * sizeof(int));
    memmove(v, v + half, (size_t)half * sizeof(int));
    memcpy(v + half, tmp, (size_t)half * sizeof(int));
}

static int keep_last(int *a, int n, int k) {
    memmove(a, a + n - k, (size_t)k * sizeof *a);
    return k;
}

static void odd_bytes(int *dst, const int *src) {
    memcpy(dst, src, 6);   /* one int and half of the next */
}

static void copy_row(int m[3][4]) {
    memcpy(m[2], m[0], sizeof m[0]);
}

static void copy_rows(int m[3][4]) {
    memcpy(m[1] + 1, m[0], 2 * sizeof(int));
}

static void copy_records(struct pair *dst, const struct pair *src, int n) {
    memcpy(dst, src, (size_t)n * sizeof *dst);
}

union word {
    int i;
    float f;
};

static void copy_words(union word *dst, const union word *src, int n) {
    memcpy(dst, src, (size_t)n * sizeof *dst);
}

int main(void) {
    int a[CAP] = {1, 2, 3, 4, 5};
    insert_at(a, 5, 2, 99);
    insert_at(a, 6, 0, -7);
    struct list l = {{10, 20, 30, 40, 50}, 5};
    remove_at(&l, 1);
    remove_at(&l, 3);
    struct history h = {{1.5, 2.5, 3.5, 4.5}, {0}, 0};
    push_history(&h, 9.25);
    push_history(&h, -1.0);
    double x[4] = {0.5, 1.5, 2.5, 3.5}, y[5] = {0};
    copy_into(y + 1, x, 3);
    char s[16] = "abcdef";
    make_room(s, 2, (int)strlen(s));
    int v[CAP] = {1, 2, 3, 4, 5, 6, 7, 8};
    swap_halves(v, 4);
    int w[6] = {1, 2, 3, 4, 5, 6};
    int kept = keep_last(w, 6, 2);
    char label[12];
    memcpy(label, "tag:", 4);
    memcpy(label + 4, "abc", 4);
    printf("kept %d: %d %d %d | %s\n", kept, w[0], w[1], w[2], label);
    int d[2] = {0, 0}, src[2] = {0x01020304, 0x05060708};
    odd_bytes(d, src);
    int m[3][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    copy_row(m);
    copy_rows(m);
    struct pair p[3] = {{1, 2}, {3, 4}, {5, 6}}, q[3] = {{0, 0}, {0, 0}, {0, 0}};
    copy_records(q, p, 2);
    union word wa[2] = {{.i = 7}, {.f = 1.5f}}, wb[2];
    copy_words(wb, wa, 2);
    printf("%d %.1f | ", wb[0].i, wb[1].f);
    memcpy(l.items + l.n, a, 2 * sizeof a[0]);
    l.n += 2;

    for (int i = 0; i < 7; i++) printf("%d ", a[i]);
    printf("| ");
    for (int i = 0; i < l.n; i++) printf("%d ", l.items[i]);
    printf("| %g %g %g %g / %g %g %g %g (%d)", h.last[0], h.last[1], h.last[2], h.last[3], h.prev[0], h.prev[1], h.prev[2], h.prev[3], h.count);
    printf("| %g %g %g %g %g | %s |", y[0], y[1], y[2], y[3], y[4], s);
    for (int i = 0; i < CAP; i++) printf(" %d", v[i]);
    printf(" | %d %d | %d %d %d %d | %d %d %d %d\n", d[0], d[1] & 0xffff, m[1][1], m[1][2], m[2][0], m[2][3], q[0].a, q[1].b, q[2].a, q[2].b);
    return 0;
}
