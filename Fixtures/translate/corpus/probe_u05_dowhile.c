// probe: u05_dowhile, a program written to test one corner of C's semantics in translation
#include <stdio.h>
int main(void) {
    int n = 12345, digits = 0, rev = 0;
    do { rev = rev * 10 + n % 10; n /= 10; digits++; } while (n);
    printf("%d %d\n", digits, rev);
    int i = 0, s = 0;
    do { i++; if (i == 3) continue; if (i == 8) break; s += i; } while (i < 10);
    printf("%d %d\n", i, s);
    int z = 0; do z++; while (0); printf("%d\n", z);
    int outer = 0;
    while (outer < 3) { int inner = 0; do { inner++; if (inner == 2) break; } while (1); outer += inner; }
    printf("%d\n", outer);
    return 0;
}
