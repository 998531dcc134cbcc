// probe: v19_fnstruct, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdlib.h>
struct Shape;
typedef double (*AreaFn)(const struct Shape *);
struct Shape { const char *name; double w, h; AreaFn area; void (*destroy)(struct Shape *); };
static double rect_area(const struct Shape *s) { return s->w * s->h; }
static double tri_area(const struct Shape *s) { return s->w * s->h / 2; }
static void destroy(struct Shape *s) { printf("free %s\n", s->name); free(s); }
static struct Shape *mk(const char *n, double w, double h, AreaFn f) { struct Shape *s = malloc(sizeof *s); s->name = n; s->w = w; s->h = h; s->area = f; s->destroy = destroy; return s; }
int main(void) {
    struct Shape *shapes[3] = {mk("r", 2, 3, rect_area), mk("t", 4, 5, tri_area), mk("r2", 1.5, 2, rect_area)};
    double tot = 0;
    for (int i = 0; i < 3; i++) { tot += shapes[i]->area(shapes[i]); }
    printf("%.2f\n", tot);
    for (int i = 2; i >= 0; i--) shapes[i]->destroy(shapes[i]);
    return 0;
}
