// translate: qsort with the program's own comparators: ints in a local array, records in a
// malloc'd buffer with equal keys (the order of equal elements is glibc's merge sort's), an
// array of pointers to heap records, strings compared with strcmp, a comparator that counts its
// calls (the C library's number of comparisons), and one that always answers "after" (glibc's
// order for it too). A comparator also given to bsearch keeps its `const void *` parameters
// (the near miss).
// exit: 0
// safe: by_value by_key_then_nothing by_weight count_cmp always_after
// unsafe: by_int_for_search
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { int key; int id; };
struct box { double weight; int tag; };

static int calls;

static int by_value(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int by_key_then_nothing(const void *a, const void *b) {
    const struct rec *x = a, *y = b;
    return x->key - y->key;
}

static int by_weight(const void *a, const void *b) {
    const struct box *x = *(const struct box *const *)a, *y = *(const struct box *const *)b;
    return x->weight < y->weight ? -1 : x->weight > y->weight;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int count_cmp(const void *a, const void *b) {
    calls++;
    return *(const short *)a - *(const short *)b;
}

static int always_after(const void *a, const void *b) {
    (void)a;
    (void)b;
    return 1;
}

static int by_int_for_search(const void *a, const void *b) {
    return *(const int *)a - *(const int *)b;
}

int main(void) {
    int v[] = {42, -7, 19, 0, 19, 3, -100, 8};
    qsort(v, 8, sizeof v[0], by_value);
    for (int i = 0; i < 8; i++) printf("%d ", v[i]);
    printf("\n");

    struct rec *recs = malloc(10 * sizeof *recs);
    for (int i = 0; i < 10; i++) { recs[i].key = (i * 7) % 4; recs[i].id = i; }
    qsort(recs, 10, sizeof *recs, by_key_then_nothing);
    for (int i = 0; i < 10; i++) printf("%d:%d ", recs[i].key, recs[i].id);
    printf("\n");
    free(recs);

    struct box *boxes[5];
    for (int i = 0; i < 5; i++) { boxes[i] = malloc(sizeof(struct box)); boxes[i]->weight = (i * 3 % 5) * 1.5; boxes[i]->tag = i; }
    qsort(boxes, 5, sizeof boxes[0], by_weight);
    for (int i = 0; i < 5; i++) printf("%d(%.1f) ", boxes[i]->tag, boxes[i]->weight);
    printf("\n");
    for (int i = 0; i < 5; i++) free(boxes[i]);

    const char *names[] = {"pear", "apple", "fig", "banana", "cherry"};
    qsort(names, 5, sizeof names[0], by_name);
    for (int i = 0; i < 5; i++) printf("%s ", names[i]);
    printf("\n");

    short s[16];
    for (int i = 0; i < 16; i++) s[i] = (short)((i * 11) % 16 - 8);
    qsort(s, 16, sizeof(short), count_cmp);
    printf("%d comparisons, first %d last %d\n", calls, s[0], s[15]);

    int w[6] = {1, 2, 3, 4, 5, 6};
    qsort(w, 6, sizeof(int), always_after);
    for (int i = 0; i < 6; i++) printf("%d ", w[i]);
    printf("\n");

    int keys[] = {5, 1, 4, 2, 3};
    qsort(keys, 5, sizeof(int), by_int_for_search);
    int want = 4;
    int *hit = bsearch(&want, keys, 5, sizeof(int), by_int_for_search);
    printf("found %d at %d\n", hit ? *hit : -1, hit ? (int)(hit - keys) : -1);
    return 0;
}
