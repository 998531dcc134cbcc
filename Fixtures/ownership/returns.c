/* Owned returns (fresh allocations) and borrowed returns (into a parameter, or static). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rt_buf { size_t len; char data[64]; };

// expect return rt_buf_new owned
struct rt_buf *rt_buf_new(void) {
    // expect local rt_buf_new.b owned
    struct rt_buf *b = calloc(1, sizeof *b);
    return b;
}

/* Owned because the callee's return is owned. */
// expect return rt_buf_default owned
struct rt_buf *rt_buf_default(void) {
    // expect local rt_buf_default.b owned mutable
    struct rt_buf *b = rt_buf_new();
    if (b)
        b->len = 0;
    return b;
}

// expect return rt_dup owned rust="String"
// expect param rt_dup.s borrowed immutable rust="&str"
char *rt_dup(const char *s) { return strdup(s); }

// expect return rt_open_log owned
// expect param rt_open_log.path borrowed immutable
FILE *rt_open_log(const char *path) { return fopen(path, "a"); }

/* realloc takes the old block and returns the new owner. */
// expect return rt_grow owned
// expect param rt_grow.p owned
int *rt_grow(int *p, size_t n) { return realloc(p, n * sizeof *p); }

// expect return rt_skip_spaces borrowed
// expect param rt_skip_spaces.s borrowed immutable
const char *rt_skip_spaces(const char *s) {
    // expect local rt_skip_spaces.i value mutable
    size_t i = 0;
    while (s[i] == ' ')
        i++;
    return s + i;
}

// expect return rt_find borrowed
// expect param rt_find.s borrowed immutable
const char *rt_find(const char *s, int c) { return strchr(s, c); }

// expect return rt_name borrowed
// expect param rt_name.b borrowed immutable
const char *rt_name(const struct rt_buf *b) { return b->data; }

// expect return rt_len_ref borrowed
size_t *rt_len_ref(struct rt_buf *b) { return &b->len; }

// expect return rt_greeting borrowed rust="&'static str"
const char *rt_greeting(void) { return "hello"; }

static char rt_table[16];
// expect return rt_scratch borrowed
char *rt_scratch(void) { return rt_table; }
