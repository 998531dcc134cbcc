// translate: rows of two-dimensional arrays given to functions declared with a row's length, as
// grid code (sudoku, game of life, images) does: `check_row(g[r])` for `const int row[9]`,
// `fill_row(m[r], v)` writing a row of a local grid, a row of the caller's own grid parameter,
// and a column gathered into a local. The callee says it reaches no more than the row, so the
// row is lent as a slice. The near miss: `flat_sum(flat[0], N * N)` reads the whole grid through
// its first row (a pointer with no declared size), so that row is not lent, and `flat_sum` and
// `main` keep raw pointers.
// safe: check_row fill_row row_sum validate fill_all
// unsafe: flat_sum main_0
// exit: 0
#include <stdio.h>
#include <stdbool.h>

#define N 4

static bool check_row(const int row[N])
{
    bool seen[N + 1] = {false};
    for (int i = 0; i < N; i++) {
        int v = row[i];
        if (v < 1 || v > N || seen[v])
            return false;
        seen[v] = true;
    }
    return true;
}

static void fill_row(int row[N], int start)
{
    for (int i = 0; i < N; i++)
        row[i] = (start + i) % N + 1;
}

static int row_sum(const int row[N])
{
    int s = 0;
    for (int i = 0; i < N; i++)
        s += row[i];
    return s;
}

/* The near miss: a pointer without a declared size, read as the flat whole grid. */
static int flat_sum(const int *cells, int count)
{
    int s = 0;
    for (int i = 0; i < count; i++)
        s += cells[i];
    return s;
}

static int validate(const int g[N][N])
{
    int col[N];
    for (int r = 0; r < N; r++)
        if (!check_row(g[r]))
            return -(r + 1);
    for (int c = 0; c < N; c++) {
        for (int r = 0; r < N; r++)
            col[r] = g[r][c];
        if (!check_row(col))
            return -(10 + c);
    }
    return 1;
}

static void fill_all(int g[N][N])
{
    for (int r = 0; r < N; r++)
        fill_row(g[r], r);
}

int main(void)
{
    int grid[N][N];
    int other[N][N];
    fill_all(grid);
    for (int r = 0; r < N; r++)
        fill_row(other[r], 0);
    printf("grid: %d, other: %d\n", validate(grid), validate(other));
    for (int r = 0; r < N; r++)
        printf("row %d sums to %d\n", r, row_sum(grid[r]));
    int flat[N][N];
    for (int r = 0; r < N; r++)
        for (int c = 0; c < N; c++)
            flat[r][c] = (r + c) % N + 1;
    printf("flat: %d\n", flat_sum(flat[0], N * N));
    return 0;
}
