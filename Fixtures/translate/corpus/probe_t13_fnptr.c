// probe: t13_fnptr, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
typedef int (*binop)(int, int);
struct Op { const char *name; binop fn; };
static struct Op ops[] = {{"add", add}, {"sub", sub}, {"mul", mul}};
static int apply(binop f, int a, int b) { return f(a, b); }
static binop pick(int i) { return i ? mul : add; }
int main(void) {
    int (*tbl[3])(int, int) = {add, sub, mul};
    for (int i = 0; i < 3; i++) printf("%d ", tbl[i](7, 3));
    printf("\n");
    for (unsigned i = 0; i < sizeof ops / sizeof ops[0]; i++) printf("%s=%d ", ops[i].name, ops[i].fn(10, 4));
    printf("\n");
    printf("%d %d\n", apply(sub, 1, 2), pick(1)(6, 7));
    binop f = 0; if (!f) f = &add; printf("%d\n", (*f)(2, 2));
    printf("%d\n", f == add);
    struct Op o = ops[2]; o.fn = sub; printf("%d %d\n", o.fn(1, 1), ops[2].fn(3, 3));
    return 0;
}
