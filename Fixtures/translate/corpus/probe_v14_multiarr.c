// probe: v14_multiarr, a program written to test one corner of C's semantics in translation
#include <stdio.h>
typedef int Row[4];
static void inc_all(Row *m, int rows) { for (int i = 0; i < rows; i++) for (int j = 0; j < 4; j++) m[i][j]++; }
static int (*pick(int (*m)[4], int i))[4] { return m + i; }
int main(void) {
    int m[3][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    inc_all(m, 3);
    int (*r)[4] = pick(m, 2);
    printf("%d %d\n", (*r)[3], r[-1][0]);
    Row *rp = &m[1]; printf("%d\n", (*rp)[2]);
    int *cols[3] = {m[0], m[1], m[2]}; printf("%d\n", cols[2][1] + cols[0][3]);
    const char *words[][2] = {{"a", "b"}, {"c", "d"}}; printf("%s%s\n", words[1][0], words[0][1]);
    char names[3][6] = {"ann", "bob", "cy"}; names[2][2] = '!'; names[2][3] = 0; printf("%s %zu\n", names[2], sizeof names);
    printf("%d\n", (int)(&m[2][0] - &m[0][0]));
    return 0;
}
