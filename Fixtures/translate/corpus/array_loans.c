// translate: arrays lent the ways C code lends them: a matrix to functions taking `int m[][4]`
// and `double g[3][3]` (rows of a slice), one element `&items[i]` of an array of structs to a
// function that updates it, the same function given a plain local `&spare`, `&v[2]` to a
// function that reads before and after it, compound literals lent (`&(struct item){...}`,
// `(int[][4]){...}`), local pointers that always point to one local (`b = &box; b->qty`).
// Near misses that stay pointers: two elements of
// one array passed to one call (`swap(&v[i], &v[j])`), a row pointer kept in a local
// exit: 0
#include <stdio.h>

struct item {
    char name[8];
    int qty;
    double price;
};

static void fill(int m[][4], int rows) {
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < 4; j++) m[i][j] = i * 10 + j;
}

static int trace_sum(const int m[][4], int rows) {
    int s = 0;
    for (int i = 0; i < rows && i < 4; i++) s += m[i][i];
    return s;
}

static void scale(double g[3][3], double k) {
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++) g[i][j] *= k;
}

static void restock(struct item *it, int more) {
    it->qty += more;
    if (it->qty > 10) it->price *= 0.9;
}

static double value(const struct item *it) { return it->qty * it->price; }

static int around(const int *p) { return p[-1] * 100 + p[0] * 10 + p[1]; }

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }

static double tidy(void) {
    struct item box = {"box", 2, 4.0};
    struct item *b = &box;          /* always box: b->qty is box.qty */
    int *count = &box.qty;
    b->qty += 3;
    *count *= 2;
    b->price = b->qty > 5 ? b->price / 2 : b->price;
    struct item other = {"other", 1, 1.0};
    struct item *cur = &box;        /* reassigned: stays a pointer */
    if (b->qty > 100) cur = &other;
    return b->price * *count + cur->qty;
}

int main(void) {
    int m[3][4];
    fill(m, 3);
    printf("%d %d %d\n", m[2][3], trace_sum(m, 3), m[1][0]);

    double g[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    scale(g, 0.5);
    printf("%.1f %.1f\n", g[0][0], g[2][2]);

    struct item items[3] = {{"bolt", 4, 0.25}, {"nut", 9, 0.1}, {"gear", 1, 3.5}};
    struct item spare = {"spare", 0, 1.0};
    for (int i = 0; i < 3; i++) restock(&items[i], i * 3);
    restock(&spare, 12);
    double total = 0;
    for (int i = 0; i < 3; i++) total += value(&items[i]);
    printf("%.3f %.3f %d\n", total, value(&spare), items[1].qty);
    printf("%.2f %d\n", value(&(struct item){"temp", 3, 1.5}), trace_sum((int[][4]){{1, 2, 3, 4}, {5, 6, 7, 8}}, 2));

    int v[5] = {1, 2, 3, 4, 5};
    printf("%d\n", around(&v[2]));
    swap(&v[0], &v[4]);
    int k[2][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}};
    int (*row)[4] = &k[1];
    printf("%d %d %d\n", v[0], v[4], (*row)[2]);
    printf("%.1f\n", tidy());
    return 0;
}
