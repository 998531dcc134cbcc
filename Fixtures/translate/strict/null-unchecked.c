// strict: null-unchecked -> rustc E0609 (the allocation is an Option; no field on it)
#include <stdio.h>
#include <stdlib.h>

struct point {
    int x;
    int y;
};

int main(void) {
    struct point *p = malloc(sizeof *p);
    p->x = 1;
    p->y = 2;
    printf("%d %d\n", p->x, p->y);
    free(p);
    return 0;
}
