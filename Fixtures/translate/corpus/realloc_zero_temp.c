// translate: a member buffer grown through a checked temporary (`t = realloc(a->v, n)`, `if (!t)`, `a->v = t`),
// resized to 0 bytes on the way: glibc frees the buffer and returns NULL, and the program takes its
// failure branch; the translation must too (the member is a Vec, the temporary says whether C got NULL)
// exit: 0
#include <stdio.h>
#include <stdlib.h>
struct Arr { short *v; size_t n; };
static int arr_resize(struct Arr *a, size_t n) {
    short *t = realloc(a->v, n * sizeof(short));
    if (!t) {
        printf("realloc(%zu) returned NULL\n", n);
        a->v = NULL;
        a->n = 0;
        return -1;
    }
    a->v = t;
    for (size_t i = a->n; i < n; i++) a->v[i] = (short)(i * 7);
    a->n = n;
    return 0;
}
int main(void) {
    struct Arr a = { NULL, 0 };
    printf("%d\n", arr_resize(&a, 10));
    printf("%d %d\n", a.v[3], a.v[9]);
    printf("%d\n", arr_resize(&a, 0));
    printf("n=%zu\n", a.n);
    printf("%d\n", arr_resize(&a, 4));
    printf("%d %d n=%zu\n", a.v[0], a.v[3], a.n);
    free(a.v);
    return 0;
}
