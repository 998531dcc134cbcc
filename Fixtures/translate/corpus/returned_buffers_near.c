// translate: near misses of buffers returned as Vecs, each kept a raw pointer and computing what
// the C computes: a producer whose result is printed straight from the call (the pointer itself
// used, never owned by a local), one that returns NULL for bad input (a Vec cannot be NULL), one
// whose buffer a local copies and then reads after `a = b` (two names for one buffer), and one
// whose buffer is shrunk in place and tested (glibc gives NULL for 0 bytes).
// unsafe: shout decode dup_pair shrink main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *shout(const char *s) {
    size_t n = strlen(s);
    char *out = malloc(n + 2);
    for (size_t i = 0; i < n; i++) out[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
    out[n] = '!';
    out[n + 1] = '\0';
    return out;
}

static int *decode(const char *digits, int *count) {
    int n = (int)strlen(digits);
    int *v = malloc((n + 1) * sizeof *v);
    for (int i = 0; i < n; i++) {
        if (digits[i] < '0' || digits[i] > '9') {
            free(v);
            return NULL;
        }
        v[i] = digits[i] - '0';
    }
    *count = n;
    return v;
}

static char *dup_pair(const char *s) {
    char *out = malloc(2 * strlen(s) + 1);
    strcpy(out, s);
    strcat(out, s);
    return out;
}

static int *shrink(int keep) {
    int *v = malloc(8 * sizeof *v);
    if (!v) return NULL;
    for (int i = 0; i < 8; i++) v[i] = i * i;
    v = realloc(v, keep * sizeof *v);
    return v;
}

int main(void) {
    printf("%s\n", shout("hey"));

    int n = 0;
    int *d = decode("4096", &n);
    printf("%d digits, last %d; bad input gives %s\n", n, d[n - 1], decode("4x", &n) ? "digits" : "NULL");
    free(d);

    char *a = dup_pair("ab");
    char *b = a;
    b[0] = 'X';
    printf("%s %s\n", a, b);
    free(a);

    int *s = shrink(3);
    printf("%d %s\n", s ? s[2] : -1, shrink(0) ? "kept" : "NULL");
    free(s);
    return 0;
}
