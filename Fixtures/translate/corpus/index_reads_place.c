// translate: an element written at an index that reads the buffer it is in, as a trailing
// newline is cut: `line[strlen(line) - 1] = 0`, `a->mail[strlen(a->mail) - 1] = 0`, `v[v[0]] = 7`.
// Rust borrows a vector mutably before it computes the index, so rustc rejected the lifting and
// the whole file went back to raw pointers; the index is now computed first. The near miss reads
// another buffer in the index.
// safe: main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct author { char name[16]; char mail[16]; };
int main(void) {
    char *line = malloc(32);
    strcpy(line, "hello\n");
    line[strlen(line) - 1] = 0;
    struct author *a = malloc(sizeof *a);
    strcpy(a->mail, "x@y\n");
    a->mail[strlen(a->mail) - 1] = 0;
    int *v = malloc(4 * sizeof *v), *w = malloc(4 * sizeof *w);
    w[0] = 1;
    v[0] = 2; v[1] = 0; v[2] = 0; v[3] = 0;
    v[v[0]] = 7;
    v[v[0]] += 1;
    v[w[0]] = 5;
    printf("[%s] [%s] %d %d\n", line, a->mail, v[2], v[0] + v[1]);
    free(line); free(a); free(v); free(w);
    return 0;
}
