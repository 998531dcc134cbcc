// translate: wc-like counter of lines, words, characters and the longest word in a file
// args: word_count.txt
// exit: 0
#include <ctype.h>
#include <stdio.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 1;
    }
    FILE *f = fopen(argv[1], "r");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    int lines = 0;
    int words = 0;
    int chars = 0;
    int longest = 0;
    int current = 0;
    int in_word = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        chars++;
        if (c == '\n') {
            lines++;
        }
        if (isspace(c)) {
            if (in_word) {
                if (current > longest) {
                    longest = current;
                }
                current = 0;
                in_word = 0;
            }
        } else {
            if (!in_word) {
                words++;
                in_word = 1;
            }
            current++;
        }
    }
    if (in_word && current > longest) {
        longest = current;
    }
    fclose(f);
    printf("%d %d %d\n", lines, words, chars);
    printf("longest word: %d\n", longest);
    return 0;
}
