// translate: atoi on command-line arguments as glibc computes it (strtol cut to int): INT_MIN
// itself, a number too big for long (saturated, then cut), a plus sign, leading zeros, trailing
// junk, no digits at all, C's blanks (space, tab, newline, vertical tab) before a number
// args: -2147483648 99999999999999999999 +42x -0 abc 2147483648 007
// exit: 0
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char *argv[]) {
    long total = 0;
    for (int i = 1; i < argc; i++) {
        int v = atoi(argv[i]);
        printf("%d\n", v);
        total += v;
    }
    printf("total %ld\n", total);
    const char *padded = " \t-12", *tabbed = "\n\v 8";
    printf("%d %d\n", atoi(padded), atoi(tabbed));
    return 0;
}
