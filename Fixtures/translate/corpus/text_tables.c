// translate: tables of text handed to functions: an insertion sort of names through a
// `const char *names[]` parameter, a lookup in a global table of commands, a table handed
// down two levels (one level only reads, the next swaps elements), an element overwritten by
// a choice of two literals, a text local swapped back in, and memcmp of two char arrays
// safe: find sort_names widest print_table reverse sort_and_show main_0
// exit: 3
#include <stdio.h>
#include <string.h>

#define COUNT(t) (sizeof(t) / sizeof((t)[0]))

static const char *const commands[] = {"add", "commit", "diff", "log", "push", "status"};

static int find(const char *const *table, size_t n, const char *name) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(table[i], name) == 0)
            return (int)i;
    return -1;
}

static void sort_names(const char *names[], int n) {
    for (int i = 1; i < n; i++) {
        const char *key = names[i];
        int j = i - 1;
        while (j >= 0 && strcmp(names[j], key) > 0) {
            names[j + 1] = names[j];
            j--;
        }
        names[j + 1] = key;
    }
}

static size_t widest(const char *const *names, int n) {
    size_t w = 0;
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) > w)
            w = strlen(names[i]);
    return w;
}

static void print_table(const char *const *names, int n) {
    size_t w = widest(names, n);
    for (int i = 0; i < n; i++)
        printf("[%-*s]%c", (int)w, names[i], i + 1 < n ? ' ' : '\n');
}

static void reverse(const char **v, int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        const char *t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}

static void sort_and_show(const char **v, int n, int backwards) {
    sort_names(v, n);
    if (backwards)
        reverse(v, n);
    print_table(v, n);
}

int main(void) {
    const char *fruit[] = {"pear", "fig", "apple", "kiwi", "banana", "cherry"};
    int n = (int)COUNT(fruit);
    print_table(fruit, n);
    sort_and_show(fruit, n, 0);
    sort_and_show(fruit, n, 1);
    fruit[0] = n > 5 ? "zucchini" : "yam";
    print_table(fruit, n);
    print_table(commands, (int)COUNT(commands));

    const char *asked[] = {"diff", "pull", "status", "add"};
    int found = 0;
    for (size_t i = 0; i < COUNT(asked); i++) {
        int at = find(commands, COUNT(commands), asked[i]);
        printf("%s -> %d\n", asked[i], at);
        if (at >= 0)
            found++;
    }

    char a[] = "key\x90z", b[] = "key\x10z";
    printf("memcmp: %d %d %d\n", memcmp(a, b, 3), memcmp(a, b, 4), memcmp(b, a, 5));
    return found;
}
