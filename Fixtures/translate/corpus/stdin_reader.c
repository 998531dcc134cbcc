// translate: standard input read the ways filters read it: fgets into a line buffer (a line longer
// than the buffer arrives in pieces), a header line read with fgets into a small buffer, getchar to
// the end with ungetc to look ahead, and feof/ferror after the end (end of file stays set); all of
// it through one buffer, interleaved with printf
// stdin: stdin_reader.in
// exit: 0
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static int count_fields(const char *line) {
    int n = 1;
    for (const char *p = line; *p; p++)
        if (*p == ',') n++;
    return n;
}

int main(void) {
    char header[8];
    if (!fgets(header, sizeof header, stdin)) return 1;
    printf("header piece [%s]\n", header);
    char line[16];
    int lines = 0, pieces = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t len = strlen(line);
        pieces++;
        if (len > 0 && line[len - 1] == '\n') {
            lines++;
            line[len - 1] = '\0';
            printf("%d: [%s] fields=%d\n", lines, line, count_fields(line));
        } else {
            printf("piece: [%s]\n", line);
        }
        if (strcmp(line, "STOP") == 0) break;
    }
    int digits = 0, words = 0, c;
    while ((c = getchar()) != EOF) {
        if (isdigit(c)) {
            int next = getchar();
            if (next != EOF && isdigit(next)) digits++;
            ungetc(next, stdin);
        }
        if (isalpha(c)) {
            words++;
            while ((c = getchar()) != EOF && isalpha(c)) {}
            if (c == EOF) break;
        }
    }
    printf("lines=%d pieces=%d digit-pairs=%d words=%d eof=%d err=%d\n", lines, pieces, digits, words, feof(stdin) != 0, ferror(stdin));
    printf("after eof: %d %d\n", getchar(), fgets(line, sizeof line, stdin) == NULL);
    return 0;
}
