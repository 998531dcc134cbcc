// translate: printf corners the idiomatic tier got wrong: %s of a pointer into a buffer (b + 2,
// &b[2]), %hhi and %hd of values that do not fit, a NUL inside the format and inside a %s
// literal; the program is otherwise plain enough for the idiomatic tier
// exit: 0
#include <stdio.h>

int main(void) {
    char b[8] = "abcdef";
    printf("%s|\n", b + 2);
    printf("%s|\n", &b[2]);
    printf("%hhi %hd %hu\n", 129, 70000, 70000);
    printf("ab\0cd %d\n", 5);
    printf("%s|\n", "x\0y");
    /* glibc keeps the point but not the zeros when rounding carries %#g into exponent style */
    printf("%#g|%#g|%#.3g|%#g|%#.2g|%#.3g|%#.1g\n", 999999.5, 9999999.0, 999.9, 99999.95, 9.96, 99.96, 9.5);
    /* ... and only there: not below 1e-4, not where the unrounded value was already in exponent style */
    double gs[] = {999999.5, 9999999.0, 0.00009999995, 1e-5, 1e-7, 0.000099999, 9.9999e-5, 0.0009999, 123456.5, 9.99999e99};
    for (int i = 0; i < 10; i++) printf("%#g %#.3g %#.1g %#.10g|", gs[i], gs[i], gs[i], gs[i]);
    printf("\n");
    return 0;
}
