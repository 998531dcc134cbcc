// translate: GNU statement expressions that declare locals, as macros in real code do
// (`({ int *t = find(k); t ? *t : -1; })`): a pointer initialised from a call and tested, a
// buffer allocated, filled and summed inside one, a loop inside one; the value is the last
// expression. Each local keeps its initializer (review: a pointer declared inside one was once
// taken for an empty `Vec`).
// exit: 0
#include <stdio.h>
#include <stdlib.h>

static int table[4] = {10, 20, 30, 40};

static int *find(int k) { return k >= 0 && k < 4 ? &table[k] : NULL; }

#define VALUE_OR(k, d) ({ int *t = find(k); t ? *t : (d); })
#define SUM_OF_SQUARES(n) ({ int *b = malloc((n) * sizeof *b); int s = 0; \
    for (int i = 0; i < (n); i++) b[i] = i * i; for (int i = 0; i < (n); i++) s += b[i]; free(b); s; })

int main(void) {
    int a = VALUE_OR(2, -1), b = VALUE_OR(7, -1);
    int c = ({ int x = a; while (x > 25) x -= 7; x; });
    printf("%d %d %d %d\n", a, b, c, SUM_OF_SQUARES(5));
    return 0;
}
