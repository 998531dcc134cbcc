// probe: v22_complit2, a program written to test one corner of C's semantics in translation
#include <stdio.h>
struct Pt { int x, y; };
struct Rect { struct Pt a, b; const char *name; };
static int sum(const int *a, int n) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
static int area(struct Rect r) { return (r.b.x - r.a.x) * (r.b.y - r.a.y); }
int main(void) {
    int a[10] = {[5] = 1, [2] = 7, 3, [9] = 9};
    for (int i = 0; i < 10; i++) printf("%d ", a[i]);
    printf("\n");
    struct Rect r = {.b = {.y = 10, .x = 4}, .name = "r1"};
    printf("%d %d %d %d %s\n", r.a.x, r.a.y, r.b.x, r.b.y, r.name);
    printf("%d\n", sum((int[]){1, 2, 3, 4}, 4));
    printf("%d\n", area((struct Rect){{1, 1}, {3, 5}, "x"}));

    struct Pt arr[3] = {[1].y = 5, [2] = {.x = 9}};
    for (int i = 0; i < 3; i++) printf("(%d,%d)", arr[i].x, arr[i].y);
    printf("\n");
    int m[3][3] = {[1] = {1, 2}, [2][2] = 5};
    for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) printf("%d", m[i][j]);
    printf("\n");
    r = (struct Rect){.name = "zz"}; printf("%d %s\n", r.b.x, r.name);
    return 0;
}
