// probe: u01_forcontinue, a program written to test one corner of C's semantics in translation
#include <stdio.h>
int main(void) {
    int s = 0, i;
    for (i = 0; i < 10; i++) { if (i % 3 == 0) continue; s += i; }
    printf("%d %d\n", s, i);
    int n = 10, c = 0;
    for (int j = 0; j < n; j++) { if (j == 2) n = 5; c++; }
    printf("%d\n", c);
    c = 0;
    for (int j = 0; j < 20; j++) { if (j == 3) j += 5; c += j; }
    printf("%d\n", c);
    int k = 0;
    do { k++; if (k < 5) continue; printf("k%d ", k); } while (k < 7);
    printf("\n");
    for (int a = 10; a > 0; a -= 3) printf("%d ", a);
    printf("\n");
    for (unsigned u = 3; u-- > 0;) printf("%u ", u);
    printf("\n");
    int t = 0; while (t < 10) { t++; if (t & 1) continue; if (t == 8) break; printf("t%d ", t); }
    printf("\n");
    for (int a = 0, b = 10; a < b; a++, b--) if (a == 2) continue; else printf("%d-%d ", a, b);
    printf("\n");
    for (int x = 0; x <= 255; x += 64) printf("%d ", x);
    printf("\n");
    int z; for (z = 100; z >= 0; z -= 7); printf("%d\n", z);
    return 0;
}
