// probe: t06_switch, a program written to test one corner of C's semantics in translation
#include <stdio.h>
int classify(int x) {
    int r = 0;
    switch (x) {
    case 0: r += 1;
    case 1: r += 10;
        break;
    case 2:
    case 3: r += 100;
    default: r += 1000;
    case 5: r += 10000; break;
    case 6: { int t = x * 2; r = t; } break;
    }
    return r;
}
int main(void) {
    for (int i = 0; i < 8; i++) printf("%d ", classify(i));
    printf("\n");
    int total = 0;
    for (int i = 0; i < 10; i++) {
        switch (i % 4) {
        case 0: continue;
        case 1:
            switch (i) { case 1: total += 1; break; case 5: total += 5; default: total += 100; }
            break;
        case 2: if (i > 5) break; total += 2;
        case 3: total += 3; break;
        }
        total *= 2;
    }
    printf("%d\n", total);
    int k = 0;
    while (1) {
        switch (k) { case 3: goto out; default: k++; continue; }
    }
out:
    printf("k=%d\n", k);
    return 0;
}
