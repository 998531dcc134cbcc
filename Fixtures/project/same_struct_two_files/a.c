#include <stdlib.h>
struct P { int x; int y; };
struct P *make(int v) { struct P *p = malloc(sizeof *p); p->x = v; p->y = v + 1; return p; }
