// translate: variables filled by an input loop's condition, read after the loop: after
// `while ((c = getchar()) != EOF)` c is EOF, and after `while (fgets(line, ...))` the buffer
// still holds the last line read (fgets leaves it as it was at end of input)
// exit: 0
// stdin: input_after_loop.in
#include <stdio.h>

int main(void) {
    char line[64] = "";
    int lines = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        lines++;
        if (lines == 2) break;
    }
    printf("%d [%s]\n", lines, line);
    int c, chars = 0;
    while ((c = getchar()) != EOF) chars++;
    printf("%d %d\n", chars, c == EOF);
    return 0;
}
