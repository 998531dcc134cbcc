// probe: t14_qsort, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct Rec { int key; char name[8]; };
static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_rec(const void *a, const void *b) {
    const struct Rec *x = a, *y = b;
    return strcmp(x->name, y->name);
}
static int cmp_str(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}
int main(void) {
    int v[] = {5, -3, 9, 0, 2, 2, -10};
    int n = sizeof v / sizeof *v;
    qsort(v, n, sizeof(int), cmp_int);
    for (int i = 0; i < n; i++) printf("%d ", v[i]);
    printf("\n");
    int key = 2;
    int *found = bsearch(&key, v, n, sizeof(int), cmp_int);
    printf("%d\n", found ? (int)(found - v) >= 0 : -1);
    key = 3;
    printf("%p\n", (void*)bsearch(&key, v, n, sizeof(int), cmp_int));
    struct Rec r[3] = {{1, "carol"}, {2, "alice"}, {3, "bob"}};
    qsort(r, 3, sizeof r[0], cmp_rec);
    for (int i = 0; i < 3; i++) printf("%d:%s ", r[i].key, r[i].name);
    printf("\n");
    const char *s[] = {"pear", "apple", "fig"};
    qsort(s, 3, sizeof s[0], cmp_str);
    printf("%s %s %s\n", s[0], s[1], s[2]);
    return 0;
}
