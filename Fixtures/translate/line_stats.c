// translate: reads lines from standard input and reports, per line, its words and vowels
// stdin: line_stats.in
// exit: 0
#include <stdio.h>
#include <string.h>

static int count_vowels(const char *s) {
    int n = 0;
    for (const char *p = s; *p != '\0'; p++) {
        if (*p == 'a' || *p == 'e' || *p == 'i' || *p == 'o' || *p == 'u')
            n++;
    }
    return n;
}

static int count_words(const char *s) {
    int words = 0;
    int in_word = 0;
    for (size_t i = 0; i < strlen(s); i++) {
        if (s[i] == ' ' || s[i] == '\n') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    return words;
}

int main(void) {
    char line[256];
    char label[32];
    char summary[128];
    char sample[] = "a quiet evening";
    int lines = 0;
    strcpy(label, "line");
    while (fgets(line, sizeof line, stdin) != NULL) {
        lines++;
        printf("%s %d: %d words, %d vowels\n", label, lines, count_words(line), count_vowels(line));
    }
    snprintf(summary, sizeof summary, "%d lines read", lines);
    strcat(summary, ".");
    puts(summary);
    printf("sample: %d vowels\n", count_vowels(sample));
    return 0;
}
