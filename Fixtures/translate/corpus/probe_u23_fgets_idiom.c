// probe: u23_fgets_idiom, a program written to test one corner of C's semantics in translation
// stdin: probe_u23_fgets_idiom.in
#include <stdio.h>
#include <string.h>
int main(void) {
    char line[16];
    int n = 0;
    while (fgets(line, sizeof line, stdin)) {
        n++;
        printf("%d:%zu:%s", n, strlen(line), line);
    }
    printf("\nlines=%d\n", n);
    return 0;
}
