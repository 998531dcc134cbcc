// translate: printf's `%c` of a byte read at run time, as filters echo input: `printf("[%c]",
// c)` of a byte past 127 (Latin-1 input, a byte of UTF-8) wrote it as two bytes of UTF-8 (a Rust
// `char`), silently. The idiomatic tier writes the formatted pieces and the byte itself, in
// order, through one lock of the stream (stdout and stderr). The near miss is a `%c` of a literal.
// stdin: printf_bytes.in
// tier: idiomatic
// exit: 0
#include <stdio.h>

int main(void) {
    int c, n = 0;
    while ((c = getchar()) != EOF) {
        if (c == '\n') continue;
        n++;
        printf("[%c]", c);
        if (n % 4 == 0) printf(" #%d %c%c\n", n, c, '!');
    }
    fprintf(stderr, "%c%c\n", 'o', 'k');
    printf("%d bytes%c\n", n, '.');
    return 0;
}
