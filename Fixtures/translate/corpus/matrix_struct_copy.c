// translate: small matrices as structs holding arrays, passed and returned by value and copied by assignment
// exit: 0
#include <stdio.h>

#define N 3

typedef struct {
    double m[N][N];
} mat3;

typedef struct {
    double v[N];
} vec3;

typedef struct {
    char label[8];
    mat3 transform;
    int uses;
} named_mat;

static mat3 identity(void) {
    mat3 r = {{{0}}};
    for (int i = 0; i < N; i++)
        r.m[i][i] = 1.0;
    return r;
}

static mat3 mul(mat3 a, mat3 b) {
    mat3 r;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            r.m[i][j] = 0;
            for (int k = 0; k < N; k++)
                r.m[i][j] += a.m[i][k] * b.m[k][j];
        }
    return r;
}

static mat3 transpose(mat3 a) {
    /* a is a copy: swapping in place does not touch the caller's matrix */
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++) {
            double t = a.m[i][j];
            a.m[i][j] = a.m[j][i];
            a.m[j][i] = t;
        }
    return a;
}

static vec3 apply(const mat3 *a, vec3 x) {
    vec3 r = {{0, 0, 0}};
    for (int i = 0; i < N; i++)
        for (int k = 0; k < N; k++)
            r.v[i] += a->m[i][k] * x.v[k];
    return r;
}

static void print_mat(const char *name, mat3 a) {
    printf("%s:\n", name);
    for (int i = 0; i < N; i++)
        printf("  [%6.2f %6.2f %6.2f]\n", a.m[i][0], a.m[i][1], a.m[i][2]);
}

static void bump(named_mat nm) { nm.uses += 100; } /* modifies the copy only */
static void bump_ptr(named_mat *nm) { nm->uses++; }

int main(void) {
    mat3 a = {{{1, 2, 0}, {0, 1, 3}, {4, 0, 1}}};
    mat3 b = a;          /* array member copied with the struct */
    b.m[0][0] = 10;
    printf("a[0][0]=%.0f b[0][0]=%.0f\n", a.m[0][0], b.m[0][0]);

    print_mat("a", a);
    print_mat("a^T", transpose(a));
    print_mat("a after transpose call", a);
    print_mat("a * a^T", mul(a, transpose(a)));
    print_mat("I * b", mul(identity(), b));

    vec3 x = {{1, -1, 2}};
    vec3 y = apply(&a, x);
    printf("a * x = (%.1f, %.1f, %.1f)\n", y.v[0], y.v[1], y.v[2]);

    named_mat table[2] = {{"rot", identity(), 0}, {"skew", a, 0}};
    named_mat copy = table[1];
    copy.label[0] = 'S';
    bump(table[0]);
    bump_ptr(&table[0]);
    bump_ptr(&copy);
    printf("%s uses=%d, %s uses=%d, copy %s uses=%d\n", table[0].label, table[0].uses, table[1].label,
           table[1].uses, copy.label, copy.uses);
    table[0] = copy;
    printf("table[0] now %s with m[2][0]=%.0f\n", table[0].label, table[0].transform.m[2][0]);
    return 0;
}
