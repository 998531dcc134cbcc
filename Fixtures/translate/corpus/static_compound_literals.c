// translate: compound literals in static initializers (arrays of records, a scalar), static storage as in C
// exit: 0
#include <stdio.h>
typedef struct { const char *key; int type; double val; } Entry;
typedef struct { int line; const char *src; const Entry *expected; int n; } Case;
static const Case cases[] = {
  { __LINE__, "a: 1", (Entry[]){ {"a", 1, 1.0} }, 1 },
  { __LINE__, "b: 2, c: 3", (Entry[]){ {"b", 2, 2.0}, {"c", 2, 3.5} }, 2 },
};
static int *counter = &(int){ 41 };
int main(void) {
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
    for (int j = 0; j < cases[i].n; j++)
      printf("%d %s %s %d %.1f\n", cases[i].line, cases[i].src, cases[i].expected[j].key, cases[i].expected[j].type, cases[i].expected[j].val);
  (*counter)++;
  printf("%d\n", *counter);
  return 0;
}
