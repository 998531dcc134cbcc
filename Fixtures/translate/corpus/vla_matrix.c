// translate: two-dimensional variable-length arrays as C99 code uses them: a dynamic-programming table, rows handed to functions as pointers, a table of structs, sizeof
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest common subsequence with a (n+1) x (m+1) table on the stack. */
static int lcs(const char *a, const char *b) {
    int n = (int)strlen(a), m = (int)strlen(b);
    int dp[n + 1][m + 1];
    for (int i = 0; i <= n; i++)
        for (int j = 0; j <= m; j++) {
            if (i == 0 || j == 0) dp[i][j] = 0;
            else if (a[i - 1] == b[j - 1]) dp[i][j] = dp[i - 1][j - 1] + 1;
            else dp[i][j] = dp[i - 1][j] > dp[i][j - 1] ? dp[i - 1][j] : dp[i][j - 1];
        }
    return dp[n][m];
}

static void set_bit(unsigned char *row, unsigned id) { row[id / 8] |= (unsigned char)(1u << (id % 8)); }
static int get_bit(const unsigned char *row, unsigned id) { return row[id / 8] >> (id % 8) & 1; }

struct arrow { char *label; int weight; };

int main(void) {
    printf("%d %d %d\n", lcs("AGGTAB", "GXTXAYB"), lcs("", "abc"), lcs("oxidize", "oxide"));

    /* A bit matrix, rows passed as pointers (as in DFA minimisation). */
    int states = 11;
    unsigned char dis[states][(states + 7) / 8];
    memset(dis, 0, sizeof dis);
    for (int i = 0; i < states; i++) { set_bit(dis[i], (unsigned)((i * 3) % states)); set_bit(dis[(i + 1) % states], (unsigned)i); }
    int count = 0;
    for (int i = 0; i < states; i++)
        for (int j = 0; j < states; j++) count += get_bit(dis[i], (unsigned)j);
    printf("bits %d, bytes %zu\n", count, sizeof dis);

    /* A table of structs with an extra row and column. */
    int size = 3;
    struct arrow arrows[size + 1][size + 1];
    for (int id = 0; id <= size; id++) {
        arrows[size][id].label = arrows[id][size].label = NULL;
        arrows[size][id].weight = arrows[id][size].weight = id;
    }
    arrows[size][1].label = malloc(4);
    strcpy(arrows[size][1].label, "eps");
    int labelled = 0;
    for (int i = 0; i <= size; i++) labelled += arrows[size][i].label != NULL;
    printf("%s %d %d %d\n", arrows[size][1].label, arrows[2][size].weight, labelled, (int)(sizeof arrows / sizeof(struct arrow)));
    free(arrows[size][1].label);
    return 0;
}
