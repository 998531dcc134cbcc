#include <stdio.h>
#include "shapes.h"
int main(void) {
  counter *c = counter_new("one");
  segment s = {{0,0},{3,4}};
  counter_add(c, seg_len2(s)); counter_add(c, -5); counter_add(c, 7);
  printf("total %d made %d\n", counter_total(c), shapes_made);
  counter_free(c);
  return 3;
}
