// probe: v07_ptrarith, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <string.h>
struct R { int id; char nm[4]; };
static void scale(double *v, int n, double k) { for (double *e = v + n; v < e; v++) *v *= k; }
static int find(const struct R *rs, int n, int id) { for (const struct R *p = rs; p < rs + n; p++) if (p->id == id) return (int)(p - rs); return -1; }
int main(void) {
    double v[4] = {1, 2, 3, 4}; scale(v, 4, 0.5); printf("%.2f %.2f\n", v[0], v[3]);
    struct R rs[3] = {{5, "a"}, {9, "b"}, {2, "c"}};
    printf("%d %d\n", find(rs, 3, 2), find(rs, 3, 7));
    struct R *end = &rs[3]; printf("%td\n", end - rs);
    char s[] = "one two three"; char *sp = strchr(s, ' '); *sp = 0; printf("%s|%s\n", s, sp + 1);
    int m[2][3] = {{1, 2, 3}, {4, 5, 6}}; int *q = m[1]; printf("%d %d\n", q[-1], *(*(m + 1) + 2));
    int *a = &m[0][0]; a += 4; printf("%d\n", *a);
    char *pc = (char *)&m[1][0]; pc += sizeof(int); printf("%d\n", *(int *)pc);
    return 0;
}
