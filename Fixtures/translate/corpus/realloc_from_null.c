// translate: buffers that start NULL and grow through a checked temporary, the way string
// builders and word splitters are written: `char *nb = realloc(buf, len + k + 1); if (nb == NULL)
// { free(buf); return 1; } buf = nb;`, `int *tmp = realloc(out, ...); if (tmp) out = tmp;` and an
// array of strings grown one word at a time. realloc(NULL, n) allocates, so after `buf = nb` C's
// pointer is no longer NULL: the vector's flag must say so (it once stayed NULL, and the program
// took its failure branch).
// safe: squares
// unsafe: build split_words main_0
// exit: 3
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int build(const char **parts, int n) {
    char *buf = NULL;
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        char *nb = realloc(buf, len + strlen(parts[i]) + 1);
        if (nb == NULL) { free(buf); return -1; }
        buf = nb;
        strcpy(buf + len, parts[i]);
        len += strlen(parts[i]);
    }
    printf("built \"%s\" (%zu)\n", buf ? buf : "(null)", len);
    free(buf);
    return (int)len;
}

static int squares(int n) {
    int *out = NULL;
    int count = 0;
    for (int i = 0; i < n; i++) {
        int *tmp = realloc(out, (size_t)(count + 1) * sizeof *out);
        if (tmp) out = tmp;
        else break;
        out[count++] = i * i;
    }
    int ok = out != NULL;
    int sum = 0;
    for (int i = 0; i < count; i++) sum += out[i];
    printf("%s: %d squares, sum %d\n", ok ? "grown" : "null", count, sum);
    free(out);
    return ok;
}

static char **split_words(const char *s, size_t *count) {
    char **out = NULL;
    size_t n = 0;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *start = s;
        while (*s && *s != ' ') s++;
        char **tmp = realloc(out, (n + 1) * sizeof *out);
        if (!tmp) break;
        out = tmp;
        size_t len = (size_t)(s - start);
        out[n] = malloc(len + 1);
        memcpy(out[n], start, len);
        out[n][len] = 0;
        n++;
    }
    *count = n;
    return out;
}

int main(void) {
    const char *parts[] = { "ab", "cd", "ef" };
    int total = build(parts, 3);
    total += build(parts, 0);
    int grown = squares(5) + squares(0);
    size_t nw = 0;
    char **words = split_words("  alpha beta   gamma  ", &nw);
    for (size_t i = 0; i < nw; i++) {
        printf("word[%zu]=%s\n", i, words[i]);
        free(words[i]);
    }
    free(words);
    printf("total %d, grown %d, words %zu\n", total, grown, nw);
    return (int)nw;
}
