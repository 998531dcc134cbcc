// probe: t24_stdin, a program written to test one corner of C's semantics in translation
// exit: 3
// stdin: probe_t24_stdin.in
#include <stdio.h>
#include <ctype.h>
int main(void) {
    int c, lines = 0, words = 0, chars = 0, inword = 0;
    int freq[26] = {0};
    while ((c = getchar()) != EOF) {
        chars++;
        if (c == '\n') lines++;
        if (isspace(c)) inword = 0;
        else if (!inword) { inword = 1; words++; }
        if (isalpha(c)) freq[tolower(c) - 'a']++;
    }
    printf("%d %d %d\n", lines, words, chars);
    for (int i = 0; i < 26; i++) if (freq[i]) printf("%c%d", 'a' + i, freq[i]);
    printf("\n");
    return lines > 2 ? 3 : 0;
}
