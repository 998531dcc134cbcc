// probe: t23_recur, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static int ack(int m, int n) { if (m == 0) return n + 1; if (n == 0) return ack(m - 1, 1); return ack(m - 1, ack(m, n - 1)); }
static int is_even(int n);
static int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }
static int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
static void hanoi(int n, char a, char b, char c, int *moves) { if (!n) return; hanoi(n - 1, a, c, b, moves); (*moves)++; hanoi(n - 1, c, b, a, moves); }
static unsigned long long fact(unsigned n) { return n <= 1 ? 1 : n * fact(n - 1); }
static void perm(char *s, int k, int n) {
    if (k == n) { printf("%s ", s); return; }
    for (int i = k; i < n; i++) { char t = s[k]; s[k] = s[i]; s[i] = t; perm(s, k + 1, n); t = s[k]; s[k] = s[i]; s[i] = t; }
}
int main(void) {
    printf("%d\n", ack(2, 3));
    printf("%d %d\n", is_even(10), is_odd(7));
    int mv = 0; hanoi(10, 'a', 'b', 'c', &mv); printf("%d\n", mv);
    printf("%llu\n", fact(20));
    char s[] = "abc"; perm(s, 0, 3); printf("\n");
    return 0;
}
