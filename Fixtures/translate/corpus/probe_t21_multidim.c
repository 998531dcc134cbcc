// probe: t21_multidim, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static int sumrow(int (*row)[4], int n) { int s = 0; for (int i = 0; i < n; i++) for (int j = 0; j < 4; j++) s += row[i][j]; return s; }
static void fill(int m[][4], int rows) { for (int i = 0; i < rows; i++) for (int j = 0; j < 4; j++) m[i][j] = i * 4 + j; }
int main(void) {
    int m[3][4];
    fill(m, 3);
    int (*p)[4] = m;
    printf("%d\n", p[1][2]);
    p++;
    printf("%d %d\n", (*p)[0], p[1][3]);
    printf("%d\n", sumrow(m, 3));
    printf("%zu %zu %zu\n", sizeof m, sizeof m[0], sizeof *p);
    int *flat = &m[0][0]; printf("%d\n", flat[7]);
    int n = 5; int vla[n]; for (int i = 0; i < n; i++) vla[i] = i * i;
    printf("%zu %d\n", sizeof vla, vla[4]);
    char grid[2][3] = {"ab", "cd"}; printf("%s %s\n", grid[0], grid[1]);
    int cube[2][2][2] = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
    int (*pc)[2][2] = cube; printf("%d\n", pc[1][0][1]);
    printf("%d\n", (int)(sizeof(m[0]) / sizeof(m[0][0])));
    int x = 0; size_t sz = sizeof(x++); printf("%zu %d\n", sz, x);
    return 0;
}
