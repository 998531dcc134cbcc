// probe: u08_chararith, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static char rot13(char c) {
    if (c >= 'a' && c <= 'z') return (c - 'a' + 13) % 26 + 'a';
    if (c >= 'A' && c <= 'Z') return (c - 'A' + 13) % 26 + 'A';
    return c;
}
static int atoi2(const char *s) { int v = 0, sg = 1; if (*s == '-') { sg = -1; s++; } while (*s >= '0' && *s <= '9') { v = v * 10 + (*s - '0'); s++; } return sg * v; }
int main(void) {
    char msg[] = "Hello, World!";
    for (int i = 0; msg[i]; i++) msg[i] = rot13(msg[i]);
    printf("%s\n", msg);
    printf("%d %d\n", atoi2("-1234"), atoi2("56x"));
    char c = 'z'; c += 10; printf("%d\n", c);
    unsigned char uc = 'z'; uc += 200; printf("%d\n", uc);
    char hi = (char)0xE9; int v = hi; printf("%d %d\n", v, hi == (char)0xE9);
    char buf[4] = {'a', 'b', 'c', 0};
    int sum = 0; for (int i = 0; i < 3; i++) sum += buf[i] - 'a'; printf("%d\n", sum);
    printf("%c\n", 'a' + 25);
    return 0;
}
