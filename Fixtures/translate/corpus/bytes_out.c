// translate: bytes past 127 written one at a time: input echoed with getchar/putchar (UTF-8 and
// Latin-1 alike) and a computed `%c`. C writes each byte as it is; a Rust `char` of a byte past
// 127 prints as two bytes of UTF-8, so putchar writes the byte itself (`write_all(&[c as u8])`)
// and a `%c` of a computed value goes to the faithful tier.
// stdin: bytes_out.in
// tier: faithful
// exit: 0
#include <stdio.h>

int main(void) {
    int c, n = 0;
    while ((c = getchar()) != EOF) { putchar(c); n++; }
    int d = 0xE9;
    printf("%c|%d\n", d - 0x1A, n);
    return 0;
}
