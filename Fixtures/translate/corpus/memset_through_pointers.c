// translate: memset through a pointer variable clears what the pointer points to, never the
// pointer: 8 bytes of an int array (the size of a pointer), a long through a pointer to it, an
// 8-byte struct through a pointer, a char buffer through a pointer into it; beside them the
// whole-object forms memset(&x, 0, sizeof x) and memset(array, 0, sizeof array)
// exit: 0
#include <stdio.h>
#include <string.h>

struct pair { int a, b; };

static void clear_two(int *p) { memset(p, 0, 2 * sizeof *p); }

int main(void) {
    int arr[4] = {1, 2, 3, 4};
    int *p = arr + 1;
    memset(p, 0, 8);
    printf("%d %d %d %d\n", arr[0], arr[1], arr[2], arr[3]);

    long x = 42;
    long *lp = &x;
    memset(lp, 0, sizeof *lp);
    printf("%ld %d\n", x, lp == &x);

    struct pair s = {3, 4};
    struct pair *sp = &s;
    memset(sp, 0, sizeof *sp);
    printf("%d %d\n", s.a, s.b);

    char buf[12] = "abcdefghijk";
    char *c = buf + 2;
    memset(c, '-', 8);
    printf("%s\n", buf);

    int more[6] = {9, 9, 9, 9, 9, 9};
    clear_two(more + 3);
    printf("%d %d %d %d %d %d\n", more[0], more[1], more[2], more[3], more[4], more[5]);

    struct pair t = {5, 6};
    memset(&t, 0, sizeof t);
    int whole[3] = {7, 8, 9};
    memset(whole, 0, sizeof whole);
    printf("%d %d %d %d %d\n", t.a, t.b, whole[0], whole[1], whole[2]);
    return 0;
}
