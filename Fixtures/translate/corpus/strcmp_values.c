// translate: the values strcmp, strncmp and memcmp return, used as numbers: printed, summed
// and returned as the exit status (glibc returns the difference of the first bytes that
// differ; the operands are arrays, which gcc does not fold at compile time as it folds two
// literals); and a comparison function that returns strcmp's value to a sort
// exit: 15
#include <stdio.h>
#include <string.h>

static int by_name(const char *a, const char *b) { return strcmp(a, b); }

static void sort_names(const char *names[], int n) {
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && by_name(names[j - 1], names[j]) > 0; j--) {
            const char *t = names[j];
            names[j] = names[j - 1];
            names[j - 1] = t;
        }
}

int main(void) {
    char apple[] = "apple", apricot[] = "apricot", zebra[] = "zebra", abc[] = "abc", q[] = "q";
    int d = strcmp(apple, apricot);
    int e = strncmp(zebra, "zeal", 3);
    int f = memcmp(abc, "abd", 3);
    printf("%d %d %d\n", d, e, f);
    const char *names[] = {"pear", "fig", "apple", "kiwi"};
    sort_names(names, 4);
    for (int i = 0; i < 4; i++) printf("%s ", names[i]);
    printf("\n");
    return strcmp(q, "b");
}
