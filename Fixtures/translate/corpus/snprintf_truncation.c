// translate: snprintf truncates to its size (keeping room for the NUL) and returns the length
// it wanted; one that provably fits is left alone
// exit: 0
#include <stdio.h>

int main(void) {
    char small[6];
    int wanted = snprintf(small, sizeof small, "%s-%d", "label", 12345);
    char roomy[32];
    snprintf(roomy, sizeof roomy, "%d items", 42);
    printf("%s %d %s\n", small, wanted, roomy);
    return 0;
}
