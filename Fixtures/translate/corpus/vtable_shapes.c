// translate: shapes dispatched through a struct of function pointers (a hand-rolled vtable)
// exit: 0
#include <stdio.h>
#include <stdlib.h>

struct shape;

struct shape_ops {
    const char *name;
    double (*area)(const struct shape *);
    double (*perimeter)(const struct shape *);
    void (*scale)(struct shape *, double);
};

struct shape {
    const struct shape_ops *ops;
    double a, b; /* radius, or width/height */
};

static double circle_area(const struct shape *s) { return 3.14159265358979 * s->a * s->a; }
static double circle_perimeter(const struct shape *s) { return 2.0 * 3.14159265358979 * s->a; }
static void circle_scale(struct shape *s, double k) { s->a *= k; }

static double rect_area(const struct shape *s) { return s->a * s->b; }
static double rect_perimeter(const struct shape *s) { return 2.0 * (s->a + s->b); }
static void rect_scale(struct shape *s, double k) {
    s->a *= k;
    s->b *= k;
}

static double square_perimeter(const struct shape *s) { return 4.0 * s->a; }

static const struct shape_ops circle_ops = {"circle", circle_area, circle_perimeter, circle_scale};
static const struct shape_ops rect_ops = {"rect", rect_area, rect_perimeter, rect_scale};
/* a square reuses the rectangle's area and scale but has its own perimeter */
static const struct shape_ops square_ops = {
    .name = "square",
    .area = rect_area,
    .perimeter = square_perimeter,
    .scale = rect_scale,
};

static struct shape *shape_new(const struct shape_ops *ops, double a, double b) {
    struct shape *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    s->ops = ops;
    s->a = a;
    s->b = b;
    return s;
}

static void describe(const struct shape *s) {
    printf("%-6s area=%8.3f perimeter=%7.3f\n", s->ops->name, s->ops->area(s), (*s->ops->perimeter)(s));
}

static int by_area_desc(const void *x, const void *y) {
    const struct shape *a = *(const struct shape *const *)x;
    const struct shape *b = *(const struct shape *const *)y;
    double da = a->ops->area(a), db = b->ops->area(b);
    return (da < db) - (da > db);
}

int main(void) {
    struct shape *shapes[4];
    shapes[0] = shape_new(&circle_ops, 1.5, 0);
    shapes[1] = shape_new(&rect_ops, 3, 4);
    shapes[2] = shape_new(&square_ops, 2.5, 2.5);
    shapes[3] = shape_new(&circle_ops, 0.5, 0);
    int n = sizeof shapes / sizeof shapes[0];

    double total = 0;
    for (int i = 0; i < n; i++) {
        describe(shapes[i]);
        total += shapes[i]->ops->area(shapes[i]);
    }
    printf("total area %.3f\n", total);

    for (int i = 0; i < n; i++)
        shapes[i]->ops->scale(shapes[i], i % 2 ? 0.5 : 2.0);
    qsort(shapes, n, sizeof shapes[0], by_area_desc);
    printf("after scaling, largest first:\n");
    for (int i = 0; i < n; i++)
        describe(shapes[i]);

    double (*fn)(const struct shape *) = rect_area;
    for (int i = 0; i < n; i++)
        if (shapes[i]->ops == &rect_ops)
            printf("direct call through pointer: %.1f\n", fn(shapes[i]));
    for (int i = 0; i < n; i++)
        free(shapes[i]);
    return 0;
}
