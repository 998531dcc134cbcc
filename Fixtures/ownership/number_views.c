/* A buffer of numbers read as numbers of another width or sign: the bytes change meaning, the
   ownership does not. The view aliases its source; the source stays what the rest of the code
   makes it (borrowed here, mutable when written through the view). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

// expect param nv_sum_words.in borrowed immutable
uint32_t nv_sum_words(const uint8_t *in, size_t n) {
    // expect local nv_sum_words.w borrowed immutable
    const uint32_t *w = (const uint32_t *)in;
    uint32_t s = 0;
    for (size_t i = 0; i < n / 4; i++) s += w[i];
    return s;
}

// expect param nv_fill_words.out borrowed mutable
void nv_fill_words(uint8_t *out, size_t n, uint32_t v) {
    uint32_t *w = (uint32_t *)out;
    for (size_t i = 0; i < n / 4; i++) w[i] = v;
}

// A byte type to char for a string function.
// expect param nv_length.u borrowed immutable
size_t nv_length(const unsigned char *u) {
    return strlen((const char *)u);
}

// The view is freed: the buffer it came from is owned.
// expect param nv_drop_words.bytes owned
void nv_drop_words(uint8_t *bytes) {
    uint32_t *w = (uint32_t *)bytes;
    free(w);
}

/* Near misses: a record seen as another record, or as numbers, is a real reinterpretation
   of a layout: nothing is proven. */
struct nv_pair { int a; int b; };
struct nv_other { float x; };

// expect param nv_record_pun.p raw
float nv_record_pun(struct nv_pair *p) {
    return ((struct nv_other *)p)->x;
}

// expect param nv_record_bytes.p raw
unsigned nv_record_bytes(struct nv_pair *p) {
    const unsigned char *b = (const unsigned char *)p;
    return b[0];
}

// A pointer read as pointers of another type.
// expect param nv_pointer_pun.pp raw
long nv_pointer_pun(char **pp) {
    long *l = (long *)pp;
    return l[0];
}
