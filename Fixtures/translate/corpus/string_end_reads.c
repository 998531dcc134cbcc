// translate: reads of C's NUL at the end of a string in a program the idiomatic tier takes: a
// walked parameter tested with while (*s) and read inside the loop, a function that returns ""
// (or a word) whose first character is read; the Rust string has no NUL, so each read past its
// end must give 0, not panic
// exit: 0
#include <stdio.h>

static int sum_digits(const char *s) {
    int total = 0;
    while (*s) {
        if (*s >= '0' && *s <= '9') total += *s - '0';
        s++;
    }
    return total;
}

static const char *color(int k) { return k ? "red" : ""; }

int main(void) {
    printf("digits=%d\n", sum_digits("a1b22c333"));
    const char *c = color(0);
    const char *d = color(1);
    printf("first=%d %d\n", *c, *d);
    return 0;
}
