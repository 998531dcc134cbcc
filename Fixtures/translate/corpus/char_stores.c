// translate: wider values stored in plain `char` (`b[0] = k`, `buf[i] = base + i`, `s[0] = s[0] +
// 50`): past 127 they wrap to negative numbers, which read back negative and print as raw bytes.
// The idiomatic tier's bytes are unsigned and its text UTF-8, so such a file goes to the faithful
// tier, which keeps C's `i8`.
// tier: faithful
// exit: 0
#include <stdio.h>
#include <string.h>

int main(void) {
    char b[4];
    int k = 200;
    b[0] = k;
    int v = b[0] + 0;
    char s[3] = "h";
    s[0] = s[0] + 50;
    int w = s[0];
    printf("%d %d\n", v, w);
    char buf[8];
    int base = 200;
    for (int i = 0; i < 4; i++) buf[i] = base + i;
    buf[4] = 0;
    printf("%zu\n", strlen(buf));
    for (int i = 0; i < 4; i++) printf("%d ", buf[i]);
    printf("\n");
    return 0;
}
