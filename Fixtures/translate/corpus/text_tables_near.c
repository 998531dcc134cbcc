// translate: near misses of tables of text that stay pointers and must still behave: a table
// walked by a pointer cursor, a table ended by NULL, a function also called through a pointer,
// a tail of a table (`t + 1`) handed on, a table lent to a writer beside one of its own
// elements, a table whose elements' characters are written, and argv handed to a helper
// unsafe: usage
// exit: 0
#include <stdio.h>
#include <string.h>

static int total_length(const char *const *t, int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += (int)strlen(t[i]);
    return s;
}

static void rotate(const char **t, int n, const char *extra) {
    const char *first = t[0];
    for (int i = 0; i + 1 < n; i++) t[i] = t[i + 1];
    t[n - 1] = extra ? extra : first;
}

static int count_until_null(const char *const *t) {
    int n = 0;
    while (t[n]) n++;
    return n;
}

static void show(const char *const *t, int n) {
    for (int i = 0; i < n; i++) printf("%s%s", t[i], i + 1 < n ? "," : "\n");
}

static void usage(char **argv) { printf("usage: %s [name]\n", argv[0] ? "prog" : "?"); }

int main(int argc, char **argv) {
    const char *words[] = {"one", "two", "three", "four"};
    const char **p = words;
    int letters = 0;
    while (p < words + 4) letters += (int)strlen(*p++);
    printf("letters %d\n", letters);

    const char *colors[] = {"red", "green", "blue", NULL};
    printf("colors %d\n", count_until_null(colors));

    int (*measure)(const char *const *, int) = total_length;
    const char *names[] = {"ada", "grace", "linus"};
    printf("measured %d %d\n", measure(names, 3), total_length(names, 3));

    const char *tail[] = {"a", "bb", "ccc", "dddd"};
    show(tail + 1, 3);

    const char *ring[] = {"x", "y", "z"};
    rotate(ring, 3, ring[1]);
    show(ring, 3);
    rotate(ring, 3, NULL);
    show(ring, 3);

    char b0[] = "abc", b1[] = "def";
    char *bufs[] = {b0, b1};
    bufs[0][0] = 'A';
    show((const char *const *)bufs, 2);

    if (argc > 5) usage(argv);
    usage(argv);
    return 0;
}
