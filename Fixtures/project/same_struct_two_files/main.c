#include <stdio.h>
#include <stdlib.h>
struct P { int x; int y; };
struct P *make(int v);
int main(void) { struct P *p = make(4); printf("%d %d\n", p->x, p->y); free(p); return 0; }
