// translate: a byte buffer member allocated as `malloc(n * sizeof(int))` and filled with 4n bytes:
// the vector's length counts bytes, not ints
// exit: 0
#include <stdio.h>
#include <stdlib.h>
struct Pack { unsigned char *raw; int *w; int n; };
int main(void) {
    struct Pack p;
    p.n = 5;
    p.raw = malloc(p.n * sizeof(int));
    p.w = malloc(p.n * sizeof(int));
    for (int i = 0; i < p.n; i++) p.w[i] = 1000 + i * 300;
    for (int i = 0; i < p.n; i++) {
        p.raw[i * 4] = p.w[i] & 255;
        p.raw[i * 4 + 1] = (p.w[i] >> 8) & 255;
        p.raw[i * 4 + 2] = 0;
        p.raw[i * 4 + 3] = 0;
    }
    int sum = 0;
    for (int i = 0; i < p.n * 4; i++) sum = sum + p.raw[i];
    printf("sum=%d last=%d\n", sum, p.raw[p.n * 4 - 3]);
    free(p.raw);
    free(p.w);
    return 0;
}
