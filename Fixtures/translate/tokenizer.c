// translate: splits a line into tokens with strtok and classifies each as number, word or symbol
// exit: 0
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int is_number(const char *tok) {
    size_t len = strlen(tok);
    if (len == 0)
        return 0;
    for (size_t i = 0; i < len; i++) {
        int c = tok[i];
        if (!isdigit(c))
            return 0;
    }
    return 1;
}

int is_word(const char *tok) {
    size_t len = strlen(tok);
    if (len == 0)
        return 0;
    for (size_t i = 0; i < len; i++) {
        int c = tok[i];
        if (!isalpha(c))
            return 0;
    }
    return 1;
}

int main(void) {
    const char *line = "let total = 12, width 40,height 7 , sum += 59 ;";
    char *copy = strdup(line);
    if (copy == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    int numbers = 0;
    int words = 0;
    int symbols = 0;
    long total = 0;
    for (char *tok = strtok(copy, " ,"); tok != NULL; tok = strtok(NULL, " ,")) {
        if (is_number(tok)) {
            printf("%-10s number\n", tok);
            numbers++;
            total += atoi(tok);
        } else if (is_word(tok)) {
            printf("%-10s word (first letter %c)\n", tok, tok[0]);
            words++;
        } else {
            printf("%-10s symbol\n", tok);
            symbols++;
        }
    }
    printf("numbers: %d words: %d symbols: %d\n", numbers, words, symbols);
    printf("sum of numbers: %ld\n", total);
    printf("original length: %zu\n", strlen(line));
    free(copy);
    return 0;
}
