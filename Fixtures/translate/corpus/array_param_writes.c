// translate: parameters written as arrays (`int v[4]`, `double m[3][3]`) are pointers in C: the
// function's writes reach the caller's array (the idiomatic tier copied them), and sizeof of
// such a parameter is a pointer's size
// exit: 0
#include <stdio.h>

#define N 3

void identity(double m[N][N]) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) m[i][j] = i == j ? 1.0 : 0.0;
}

void bump(int v[4]) {
    for (int i = 0; i < 4; i++) v[i] += i;
}

int main(void) {
    double m[N][N] = {{5, 5, 5}, {5, 5, 5}, {5, 5, 5}};
    identity(m);
    int v[4] = {10, 10, 10, 10};
    bump(v);
    bump(v);
    printf("%.1f %.1f %.1f\n", m[0][0], m[0][1], m[2][2]);
    printf("%d %d %d %d\n", v[0], v[1], v[2], v[3]);
    return 0;
}
