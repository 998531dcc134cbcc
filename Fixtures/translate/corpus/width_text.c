// translate: text read at run time printed with a width (`%-8s`, `%8s`). C pads by bytes, Rust's
// `{:<8}` by characters, so a UTF-8 word came out one space short: the idiomatic tier pads such
// text itself, counting bytes (`c_pad`).
// stdin: width_text.in
// tier: idiomatic
// exit: 0
#include <stdio.h>
#include <string.h>

int main(void) {
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        printf("[%-8s][%8s]", line, line);
    }
    return 0;
}
