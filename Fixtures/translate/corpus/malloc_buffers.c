// translate: local buffers from malloc, calloc and realloc as Vecs: an int array grown by doubling
// with realloc, tested against NULL, sorted by qsort through its pointer, freed; an array of structs
// from calloc reached with p[i].x and p->x; a char buffer handed to strcpy/strlen/printf; a double
// array; a buffer returned by the function that made it (a Vec returned, owned by the caller's
// local); a realloc through a temporary that is handed back (a witness), a pointer set to NULL
// after free (an empty Vec and a flag that says C's pointer is NULL)
// safe: make main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct point { int x, y; };
static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static int *make(int n) {
    int *a = malloc((size_t)n * sizeof *a);
    for (int i = 0; i < n; i++) a[i] = i * i;
    return a;
}
int main(void) {
    int n = 5, cap = 2, len = 0;
    int *v = malloc(cap * sizeof *v);
    if (v == NULL) return 1;
    for (int i = 0; i < 9; i++) {
        if (len == cap) { cap *= 2; v = realloc(v, cap * sizeof *v); }
        v[len++] = (i * 7) % 10;
    }
    long s = 0;
    for (int i = 0; i < len; i++) s += v[i];
    printf("len=%d cap=%d sum=%ld first=%d\n", len, cap, s, *v);
    qsort(v, (size_t)len, sizeof *v, cmp);
    for (int i = 0; i < len; i++) printf("%d ", v[i]);
    printf("\n");
    free(v);
    struct point *pts = calloc((size_t)n, sizeof(struct point));
    for (int i = 0; i < n; i++) { pts[i].x = i; pts[i].y = i * i; }
    pts->x = 100;
    printf("%d %d %d\n", pts[0].x, pts[4].y, !pts);
    free(pts);
    char *buf = malloc(32);
    strcpy(buf, "vec");
    buf[3] = '!'; buf[4] = 0;
    printf("%s %zu\n", buf, strlen(buf));
    free(buf);
    double *d = malloc(sizeof(double) * 3);
    d[0] = 1.5; d[1] = 2.5; d[2] = d[0] + d[1];
    printf("%.1f\n", d[2]);
    free(d);
    int *kept = make(4);
    printf("%d\n", kept[3]);
    free(kept);
    int *grow = malloc(2 * sizeof *grow);
    int *tmp = realloc(grow, 8 * sizeof *grow);
    if (tmp) grow = tmp;
    grow[7] = 7;
    printf("%d\n", grow[7]);
    free(grow);
    grow = NULL;
    return 0;
}
