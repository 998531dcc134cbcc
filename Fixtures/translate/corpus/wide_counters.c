// translate: loop counters of types wider than int between literal bounds (`for (long n =
// 50000; n < 50003; n++)`, an unsigned long long): their squares and sums do not fit an int
// exit: 0
#include <stdio.h>

int main(void) {
    for (long n = 50000; n < 50003; n++) printf("%ld ", n * n);
    printf("\n");
    unsigned long long big = 0;
    for (unsigned long long k = 4000000000ULL; k < 4000000003ULL; k++) big += k;
    printf("%llu\n", big);
    return 0;
}
