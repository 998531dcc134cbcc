/* Records another module lends: a rectangle holds its points, a counter its numbers. */
struct point { int x, y; };
struct rect { struct point lo, hi; };
struct counter { int n; long total; };

int rect_area(const struct rect *r);
void rect_make(struct rect *r, const struct point *a, const struct point *b);
int point_cmp(const struct point *a, const struct point *b);
void counter_add(struct counter *c, int v);
int counter_mean(const struct counter *c);
void counter_bump_via(struct counter *c, const int *delta);
int counter_twice(const struct counter *c);
