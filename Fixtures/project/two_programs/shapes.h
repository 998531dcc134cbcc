#ifndef SHAPES_H
#define SHAPES_H
typedef struct point { int x, y; } point;
typedef struct { point a, b; } segment;
typedef struct counter counter;   /* opaque */
extern int shapes_made;
counter *counter_new(const char *name);
void counter_add(counter *c, int n);
int counter_total(const counter *c);
void counter_free(counter *c);
int seg_len2(segment s);
#endif
