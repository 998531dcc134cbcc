// probe: u21_fgets, a program written to test one corner of C's semantics in translation
// exit: 7
// stdin: probe_u21_fgets.in
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
int main(void) {
    char line[16];
    int n = 0; long total = 0;
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n') line[--len] = 0;
        n++;
        total += strtol(line, NULL, 10);
        printf("%d:[%s] %zu\n", n, line, len);
    }
    printf("lines=%d total=%ld\n", n, total);
    return n;
}
