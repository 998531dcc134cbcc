// translate: lines parsed with sscanf as C defines it: `%d` converts the leading digits of
// "12abc" and of "7,3", and a blank line gives EOF (-1) rather than 0 conversions. The idiomatic
// tier once split words and parsed each whole (0 conversions, never EOF); its `scan_ints` now
// reads as C's `%d` does.
// stdin: sscanf_numbers.in
// tier: idiomatic
// exit: 0
#include <stdio.h>

int main(void) {
    char line[128];
    while (fgets(line, sizeof line, stdin)) {
        int a = 0, b = 0;
        int n = sscanf(line, "%d %d", &a, &b);
        printf("%d: %d %d\n", n, a, b);
    }
    return 0;
}
