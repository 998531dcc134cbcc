/* mutable-alias: one object lent twice in the same call where at least one of
 * the parameters writes through it (Rust: E0499/E0502).
 * Reported at the line of the call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ma_point {
    int x;
    int y;
};

struct ma_vec {
    int *data;
    size_t len;
};

/* Project function that writes through dst and reads src. */
static void ma_add_into(int *dst, const int *src) {
    *dst += *src;
}

/* Project function that only reads both parameters. */
static int ma_sum(const int *a, const int *b) {
    return *a + *b;
}

/* Project function that writes through dst; factor is a plain value. */
static void ma_scale(int *dst, int factor) {
    *dst *= factor;
}

/* Project function that writes dst's elements while reading src's. */
static void ma_vec_add(struct ma_vec *dst, const struct ma_vec *src) {
    for (size_t i = 0; i < dst->len && i < src->len; i++)
        dst->data[i] += src->data[i];
}

/* Positive: the same buffer is destination and source of memcpy. */
void ma_memcpy_self(char *buf, size_t n) {
    // expect diag mutable-alias definite
    memcpy(buf, buf, n);
}

/* Positive: overlapping ranges of one buffer passed to memcpy (memmove was needed). */
void ma_shift_left(char *buf, size_t n) {
    if (n < 2)
        return;
    // expect diag mutable-alias definite
    memcpy(buf, buf + 1, n - 1);
}

/* Positive: x is lent as dst (written) and src at once. */
int ma_double(void) {
    int x = 2;
    // expect diag mutable-alias definite
    ma_add_into(&x, &x);
    return x;
}

/* Positive: the string is appended to itself. */
void ma_strcat_self(char *s) {
    // expect diag mutable-alias definite
    strcat(s, s);
}

/* Positive: buf is the destination of snprintf and one of its arguments. */
void ma_snprintf_self(char *buf, size_t n) {
    // expect diag mutable-alias definite
    snprintf(buf, n, "%s!", buf);
}

/* Positive: the same vector is written and read by ma_vec_add. */
void ma_vec_double(struct ma_vec *v) {
    // expect diag mutable-alias definite
    ma_vec_add(v, v);
}

/* Positive: two pointer variables name the same local. */
int ma_through_aliases(void) {
    int x = 5;
    int *a = &x;
    int *b = &x;
    // expect diag mutable-alias definite
    ma_add_into(a, b);
    return x;
}

/* Positive (some path): src is &x when pick is nonzero. */
int ma_maybe_same(int pick) {
    int x = 1, y = 2;
    int *src = pick ? &x : &y;
    // expect diag mutable-alias possible
    ma_add_into(&x, src);
    return x;
}

/* Negative: the same object goes to two read-only parameters. */
int ma_ok_sum_self(void) {
    int x = 4;
    return ma_sum(&x, &x);
}

/* Negative: comparing a buffer with itself only reads it. */
int ma_ok_memcmp_self(const char *buf, size_t n) {
    return memcmp(buf, buf, n);
}

/* Negative: two different buffers. */
void ma_ok_memcpy_other(char *dst, const char *src, size_t n) {
    memcpy(dst, src, n);
}

/* Negative: memmove is specified for overlapping ranges of one buffer. */
void ma_ok_memmove_shift(char *buf, size_t n) {
    if (n < 2)
        return;
    memmove(buf, buf + 1, n - 1);
}

/* Negative: two distinct fields of one struct are distinct objects. */
int ma_ok_disjoint_fields(void) {
    struct ma_point p = { 1, 2 };
    ma_add_into(&p.x, &p.y);
    return p.x;
}

/* Negative: x is passed once by address and once by value (a copy). */
int ma_ok_by_value(void) {
    int x = 3;
    ma_scale(&x, x);
    return x;
}

/* Negative: p pointed at x earlier but was re-pointed at y before the call. */
int ma_ok_repointed(void) {
    int x = 1, y = 2;
    int *p = &x;
    *p += 1;
    p = &y;
    ma_add_into(&x, p);
    return x;
}

/* Negative: two different vectors. */
void ma_ok_vec_other(struct ma_vec *a, const struct ma_vec *b) {
    ma_vec_add(a, b);
}

/* Negative: one buffer of numbers carved in two at a variable distance (bzip2's
 * `quadrant = &block[nblock + overshoot]`): the callee indexes each part (Rust: split_at_mut). */
static void ma_fill_parts(unsigned char *head, unsigned short *tail, int n) {
    for (int i = 0; i < n; i++) { head[i] = (unsigned char)i; tail[i] = (unsigned short)(2 * i); }
}
void ma_ok_carved(unsigned char *block, int n) {
    unsigned short *tail = (unsigned short *)&block[n + 2];
    ma_fill_parts(block, tail, n / 2);
}

/* Positive (the near miss): the second pointer is a constant distance in, so the parts overlap. */
void ma_carved_by_one(unsigned char *block, int n) {
    // expect diag mutable-alias definite
    ma_fill_parts(block, (unsigned short *)(block + 1), n);
}


/* A parser calling back with the input it was given (expat's reportDefault): the cast only
 * drops the qualifier the callback's own type has anyway. */
typedef void (*ma_handler)(void *ud, char *s, int len);
struct ma_parser { ma_handler handler; void *ud; };
static void ma_report(struct ma_parser *p, const char *s, const char *end) {
    p->handler(p->ud, (char *)s, (int)(end - s));
}
/* Negative: both arguments only read. */
void ma_ok_report_twice(struct ma_parser *p, const char *s, const char *end) {
    const char *next = s;
    ma_report(p, s, next);
}

/* Positive (the near miss): the callback gets the caller's own writable pointer. */
static void ma_report_own(struct ma_parser *p, char *s, const char *end) {
    p->handler(p->ud, s, (int)(end - s));
}
void ma_report_own_twice(struct ma_parser *p, char *s) {
    // expect diag mutable-alias definite
    ma_report_own(p, s, s);
}
