// translate: numbers and characters the idiomatic tier once got silently wrong, in a program it
// translates whole: `toupper(s[i])` over a string (the element, not its index, is converted),
// unsigned locals set from shifts of literals (`unsigned top = 1u << 31` is not an i32), an enum
// compared with -1 (an enum with no negative constant is `unsigned int`, so `l > -1` is false),
// and a string literal scanned to its NUL through a pointer (`while (s[n] != 0)` reads the NUL
// C has, without running off the Rust bytes), and a conditional of two literals in unsigned
// (`1 ? -1 : 0u` is 4294967295 once widened to long).
// tier: idiomatic
// exit: 0
#include <stdio.h>
#include <ctype.h>

enum level { LOW, MID, HIGH };

int main(void) {
    char word[] = "hello";
    for (int i = 0; word[i]; i++) word[i] = toupper(word[i]);
    int first = tolower(word[0]);
    printf("%s %c\n", word, first);

    unsigned top = 1u << 31;
    int n = 31;
    unsigned q = 1u << n;
    unsigned long wide = top;
    printf("%u %u %u %lu\n", top, top >> 31, q, wide);

    enum level l = MID;
    int off = -1;
    printf("%d %d\n", l > off, l < off);
    if (l >= off) printf("above\n");
    else printf("below\n");

    long folded = 1 ? -1 : 0u;
    printf("%ld\n", folded);

    const char *s = "scan me";
    int len = 0;
    while (s[len] != 0) len = len + 1;
    printf("%d\n", len);
    return 0;
}
