// translate: sorting tables of names with qsort and comparators that compare the strings the
// elements point to (`strcmp(*(const char *const *)a, ...)`), through a local copy of the
// element, by length then alphabetically, in reverse; a table sorted inside a function that is
// given it, and a comparator that also counts its calls
// safe: by_name by_length reverse show sort_words main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compared;

static int by_name(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int by_length(const void *a, const void *b) {
    const char *x = *(const char *const *)a;
    const char *y = *(const char *const *)b;
    size_t lx = strlen(x), ly = strlen(y);
    compared++;
    if (lx != ly)
        return lx < ly ? -1 : 1;
    return strcmp(x, y);
}

static int reverse(const void *a, const void *b) { return -strncmp(*(char **)a, *(char **)b, 3); }

static void show(const char *label, const char *const *v, int n) {
    printf("%-8s", label);
    for (int i = 0; i < n; i++)
        printf(" %s", v[i]);
    printf("\n");
}

static void sort_words(const char **words, int n) {
    qsort(words, n, sizeof *words, by_length);
    show("inside", words, n);
}

int main(void) {
    const char *fruit[] = {"pear", "fig", "apple", "kiwi", "banana", "cherry", "date", "apricot"};
    int n = sizeof fruit / sizeof fruit[0];
    qsort(fruit, n, sizeof fruit[0], by_name);
    show("by name", fruit, n);
    qsort(fruit, n, sizeof fruit[0], by_length);
    show("by size", fruit, n);
    qsort(fruit, n, sizeof fruit[0], reverse);
    show("reverse", fruit, n);
    const char *more[] = {"zeta", "alpha", "mu", "omicron", "pi", "eta"};
    sort_words(more, 6);
    printf("%d comparisons by length, first %s last %s\n", compared, more[0], more[5]);
    return compared > 0 ? 0 : 1;
}
