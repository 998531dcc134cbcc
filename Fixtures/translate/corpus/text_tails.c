// translate: the rest of static text from a byte on: option names after their dash
// (`argv[i] + 1`-style, here a table of options), a prefix skipped with `&s[k]`, a suffix
// compared with strcmp, a literal's tail held by a local, tails printed with %s, and the rest of
// a buffer lent to a function from two offsets (`strlen(s + at + 1)`, `printf("%s", s + at + 1)`)
// safe: is_option option_name after
// exit: 0
#include <stdio.h>
#include <string.h>

static const char *const options[] = {"-verbose", "-quiet", "--color", "-n5", "name"};

static int is_option(const char *s) { return s[0] == '-'; }

static const char *option_name(int i) { return options[i][1] == '-' ? options[i] + 2 : options[i] + 1; }

static size_t suffix_len(const char *s, size_t k) { return strlen(s + k); }

static size_t after(const char *s, int at) {
    printf("after %d: %s\n", at, s + at + 1);
    return strlen(s + at + 1);
}

int main(void) {
    char line[16] = "key=value";
    size_t r2 = after(line, 2);
    size_t r3 = after(line, 3);
    printf("rest %zu %zu\n", r2, r3);
    int n = sizeof options / sizeof options[0];
    for (int i = 0; i < n; i++) {
        if (!is_option(options[i])) {
            printf("operand %s\n", options[i]);
            continue;
        }
        const char *name = options[i][1] == '-' ? options[i] + 2 : options[i] + 1;
        printf("option %-8s (%zu chars) same as helper: %d\n", name, strlen(name), strcmp(name, option_name(i)) == 0);
    }
    const char *word = "unbelievable";
    const char *root = &word[2];
    printf("%s -> %s, tail %s, %zu left after 6\n", word, root, root + 4, suffix_len(word, 6));
    printf("ends with 'able': %d\n", strcmp(word + strlen(word) - 4, "able") == 0);
    return 0;
}
