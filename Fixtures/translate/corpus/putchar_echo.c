// translate: getchar/putchar echo in the idiomatic tier: each byte is written as it is
// (`write_all(&[c as u8])`), so UTF-8 and Latin-1 input come out unchanged (a `char` of a byte past
// 127 printed as two bytes of UTF-8).
// stdin: bytes_out.in
// tier: idiomatic
// exit: 0
#include <stdio.h>

int main(void) {
    int c;
    long n = 0;
    while ((c = getchar()) != EOF) {
        putchar(c);
        n++;
    }
    printf("%ld bytes\n", n);
    return 0;
}
