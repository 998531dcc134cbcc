/* Clang's ownership attributes on body-less declarations are evidence too. */
#include <stddef.h>

void *at_alloc(size_t n) __attribute__((ownership_returns(malloc)));
void at_release(void *p) __attribute__((ownership_takes(malloc, 1)));
void at_cache_keep(void *p) __attribute__((ownership_holds(malloc, 1)));
char *at_make_name(size_t n) __attribute__((malloc));
void at_fill(char *dst, const char *src, size_t n) __attribute__((nonnull));

int at_demo(size_t n) {
    // expect local at_demo.block owned
    void *block = at_alloc(n);
    if (!block)
        return -1;
    // expect local at_demo.name owned
    char *name = at_make_name(n);
    at_release(name);
    at_release(block);
    return 0;
}

// expect return at_alloc_twice owned
void *at_alloc_twice(size_t n) {
    return at_alloc(2 * n);
}

/* Passed to an ownership_takes parameter: moved in. */
// expect param at_drop.p owned
void at_drop(void *p) {
    at_release(p);
}

/* Passed to an ownership_holds parameter: the callee keeps it, so it had to be owned. */
// expect param at_remember.p owned
void at_remember(char *p) {
    at_cache_keep(p);
}

/* nonnull says nothing about ownership; at_fill has no body and no model. */
// expect param at_label.dst raw
void at_label(char *dst, size_t n) {
    at_fill(dst, "label", n);
}
