#include <stdlib.h>
#include <string.h>
#include "shapes.h"
struct counter { char name[16]; int total; };
int shapes_made = 0;
static int clamp(int v) { return v < 0 ? 0 : v; }
counter *counter_new(const char *name) {
  counter *c = malloc(sizeof *c); strncpy(c->name, name, 15); c->name[15] = 0; c->total = 0; shapes_made++; return c; }
void counter_add(counter *c, int n) { c->total += clamp(n); }
int counter_total(const counter *c) { return c->total; }
void counter_free(counter *c) { free(c); }
