// translate: growable array of 2D points sorted by distance from the origin with qsort
// exit: 0
#include <stdio.h>
#include <stdlib.h>

#define INITIAL_CAP 2
#define POINT_COUNT 9

struct point {
    double x;
    double y;
};

static int by_distance(const void *a, const void *b) {
    const struct point *pa = a;
    const struct point *pb = b;
    double da = pa->x * pa->x + pa->y * pa->y;
    double db = pb->x * pb->x + pb->y * pb->y;
    if (da < db)
        return -1;
    if (da > db)
        return 1;
    if (pa->x < pb->x)
        return -1;
    if (pa->x > pb->x)
        return 1;
    if (pa->y < pb->y)
        return -1;
    if (pa->y > pb->y)
        return 1;
    return 0;
}

int main(void) {
    size_t len = 0;
    size_t cap = INITIAL_CAP;
    struct point *pts = malloc(cap * sizeof *pts);
    if (pts == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    for (int i = 0; i < POINT_COUNT; i++) {
        struct point p;
        p.x = (double)((i * 7) % 5) - 2.0;
        p.y = (double)((i * 3) % 4) * 1.5 - 2.25;
        if (len == cap) {
            cap *= 2;
            pts = realloc(pts, cap * sizeof *pts);
            if (pts == NULL) {
                fprintf(stderr, "out of memory\n");
                exit(1);
            }
        }
        pts[len] = p;
        len++;
    }
    qsort(pts, len, sizeof *pts, by_distance);
    double sum_x = 0.0;
    double sum_y = 0.0;
    for (size_t i = 0; i < len; i++) {
        printf("(%5.2f, %5.2f)\n", pts[i].x, pts[i].y);
        sum_x += pts[i].x;
        sum_y += pts[i].y;
    }
    printf("count: %zu capacity: %zu\n", len, cap);
    printf("centroid: %.3f %.3f\n", sum_x / (double)len, sum_y / (double)len);
    free(pts);
    return 0;
}
