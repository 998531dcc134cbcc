// translate: standard output at the edges of C's buffering: exactly one full block before a
// message on stderr, fflush(stderr), a line-buffered partial line, fputs's return value, %.0a
// ties; run with stdout and stderr merged, its bytes must come in the C's order
// exit: 0
#include <stdio.h>

int main(void) {
    char row[65];
    for (int i = 0; i < 64; i++)
        row[i] = (char)('a' + i % 26);
    row[64] = '\0';
    for (int i = 0; i < 64; i++)
        printf("%.63s\n", row);          /* 64 lines of 64 bytes: one 4096-byte block */
    fprintf(stderr, "after one block\n");
    printf("tail");
    fflush(stderr);
    fprintf(stderr, "after fflush(stderr)\n");
    int r = fputs("[fputs]", stdout);
    printf(" returned %d\n%%.0a: %.0a %.0a %.0a %.1a\nno newline at the end", r, 1.5, 0.75, 2.5, 1.03125);
    fprintf(stderr, "last stderr line\n");
    return 0;
}
