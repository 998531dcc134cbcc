// translate: heap buffers grown the careful way, through a temporary that keeps the old buffer
// when realloc fails (`int *tmp = realloc(buf, cap * sizeof *tmp); if (!tmp) { free(buf); ... }
// buf = tmp;`): a line built byte by byte, the digits of numbers gathered into a growing array,
// a buffer shrunk to fit. Each buffer is a Vec and each temporary a witness that says whether C's
// realloc returned NULL (for a size of 0): no unsafe. A buffer reallocated in place and then
// tested (`z = realloc(z, 0); if (z)`: glibc frees it and gives NULL) carries the same flag.
// `digits_of` returns NULL when the temporary is NULL: it returns `Option<Vec<i32>>`, and its
// caller's local takes the flag from it.
// safe: build_line squeeze emptied digits_of main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int build_line(const char *text, char *out, int outlen) {
    size_t cap = 4, len = 0;
    char *line = malloc(cap);
    if (line == NULL) return -1;
    for (int i = 0; text[i] != '\0'; i++) {
        if (len + 2 >= cap) {
            char *bigger = realloc(line, cap * 2);
            if (bigger == NULL) {
                free(line);
                return -1;
            }
            line = bigger;
            cap *= 2;
        }
        line[len++] = text[i] == ',' ? ' ' : text[i];
    }
    line[len] = '\0';
    snprintf(out, outlen, "%s", line);
    int grown = (int)cap;
    free(line);
    return grown;
}

static int squeeze(int n) {
    int *vals = malloc(16 * sizeof *vals);
    int used = 0;
    for (int i = 0; i < n && i < 16; i++) vals[used++] = i * 7 % 5;
    int *fit = realloc(vals, used * sizeof *vals);
    if (!fit) {
        free(vals);
        return -1;
    }
    vals = fit;
    int s = 0;
    for (int i = 0; i < used; i++) s += vals[i] * (i + 1);
    free(vals);
    return s;
}

static int emptied(int keep) {
    int *z = malloc(4 * sizeof *z);
    if (z == NULL) return -1;
    z[0] = 5;
    z = realloc(z, keep * sizeof *z);
    int r = z ? z[0] : -2;
    free(z);
    return r;
}

static int *digits_of(long v, int *count) {
    int cap = 1, n = 0;
    int *d = malloc(cap * sizeof *d);
    if (!d) return NULL;
    do {
        if (n == cap) {
            int *tmp = realloc(d, 2 * cap * sizeof *tmp);
            if (!tmp) {
                free(d);
                return NULL;
            }
            d = tmp;
            cap *= 2;
        }
        d[n++] = (int)(v % 10);
        v /= 10;
    } while (v > 0);
    *count = n;
    return d;
}

int main(void) {
    char out[64];
    int cap = build_line("growing,a,line,through,temporaries", out, sizeof out);
    printf("[%s] %d\n", out, cap);
    printf("%d %d %d %d\n", squeeze(10), squeeze(3), emptied(2), emptied(0));
    int n = 0;
    int *d = digits_of(9075123L, &n);
    for (int i = n - 1; i >= 0; i--) printf("%d", d[i]);
    printf(" (%d digits)\n", n);
    free(d);
    return 0;
}
