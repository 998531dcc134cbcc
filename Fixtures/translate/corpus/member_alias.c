// translate: two pointer members made to share one buffer (`d.back = d.front`), both used after:
// neither owns it alone, so neither is a Vec that could move out of the other
// exit: 0
#include <stdio.h>
#include <stdlib.h>
struct DB { int *front; int *back; int n; };
int main(void) {
    struct DB d;
    d.n = 4;
    d.front = malloc(d.n * sizeof(int));
    for (int i = 0; i < d.n; i++) d.front[i] = i + 1;
    d.back = d.front;           /* both name one buffer */
    d.back[1] = 50;
    printf("%d %d\n", d.front[1], d.back[0]);
    d.front = malloc(d.n * sizeof(int));
    for (int i = 0; i < d.n; i++) d.front[i] = d.back[i] * 2;
    printf("%d %d %d\n", d.front[1], d.back[1], d.front[3]);
    free(d.back);
    free(d.front);
    return 0;
}
