// probe: u09_scanf, a program written to test one corner of C's semantics in translation
// exit: 146
// stdin: probe_u09_scanf.in
#include <stdio.h>
int main(void) {
    int n, x; long total = 0; int mx = -1000000;
    if (scanf("%d", &n) != 1) return 2;
    for (int i = 0; i < n; i++) { if (scanf("%d", &x) != 1) return 3; total += x; if (x > mx) mx = x; }
    char word[16]; double d;
    if (scanf("%15s %lf", word, &d) != 2) return 4;
    printf("%ld %d %s %.3f\n", total, mx, word, d);
    return (int)(total % 256);
}
