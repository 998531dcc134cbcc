// translate: character-class tests inside larger conditions, in a program the idiomatic tier takes:
// isdigit(c) || c == 'x' and its mirror, isalpha(c) && c != 'a', toupper(c) + 1, isspace of '\v'
// and '\f'; each operand after the class test must be kept
// stdin: ctype_conditions.in
// exit: 0
#include <ctype.h>
#include <stdio.h>

int main(void) {
    int c, n = 0, m = 0, k = 0, spaces = 0;
    long shifted = 0;
    while ((c = getchar()) != EOF) {
        if (isdigit(c) || c == 'x') n++;
        if (c == 'x' || isdigit(c)) m++;
        if (isalpha(c) && c != 'a') k++;
        if (isspace(c)) spaces++;
        if (islower(c)) shifted += toupper(c) + 1;
    }
    printf("%d %d %d %d %ld\n", n, m, k, spaces, shifted);
    return 0;
}
