// translate: functions that walk a string parameter the way C does: for (; *s; s++), a while
// loop that advances by more than one, a look back at s[-1] once it has moved, the rest of the
// string handed on after a prefix, a digit parser; a walked string printed, measured, compared and
// written to from where it stands (not from its start); one given both a pointer into an array
// and a literal; and *s++ inside an expression (copy_upper)
// exit: 0
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int count_char(const char *s, char c) {
    int n = 0;
    for (; *s; s++)
        if (*s == c)
            n++;
    return n;
}

static int count_words(const char *s) {
    int words = 0;
    while (*s) {
        if (*s != ' ' && (s[1] == ' ' || s[1] == '\0'))
            words++;
        s++;
    }
    return words;
}

static int doubled_letters(const char *s) {
    int n = 0;
    if (!*s)
        return 0;
    s += 1;
    while (*s) {
        if (s[-1] == s[0])
            n++;
        s++;
    }
    return n;
}

static long parse_number(const char *s) {
    long v = 0;
    int sign = 1;
    while (*s == ' ')
        s++;
    if (*s == '-') {
        sign = -1;
        s = s + 1;
    }
    for (; isdigit((unsigned char)*s); s++)
        v = v * 10 + (*s - '0');
    return sign * v;
}

static void show_trimmed(const char *s) {
    while (*s == ' ')
        s++;
    printf("[%s] %zu %d\n", s, strlen(s), strcmp(s, "done") == 0);
    fputs(s, stdout);
    putchar('\n');
}

static void cut_at_space(char *dst) {
    while (*dst && *dst != ' ')
        dst++;
    strcpy(dst, "!");
}

static int leading_x(const char *s) {
    int n = 0;
    while (*s == 'x') {
        s++;
        n++;
    }
    return n;
}

static int after_prefix(const char *s, const char *prefix) {
    while (*prefix) {
        if (*s != *prefix)
            return -1;
        s++;
        prefix++;
    }
    return count_words(s);
}

static int copy_upper(char *dst, const char *src) {
    int n = 0;
    while ((*dst++ = (char)toupper((unsigned char)*src++)))
        n++;
    return n;
}

int main(void) {
    char line[] = "the quick brown fox jumps over the lazy dog";
    printf("o=%d e=%d words=%d\n", count_char(line, 'o'), count_char("cheese", 'e'), count_words(line));
    printf("doubled=%d %d %d\n", doubled_letters("bookkeeper"), doubled_letters(""), doubled_letters(line));
    printf("numbers: %ld %ld %ld\n", parse_number("  1234"), parse_number("-56x"), parse_number("7"));
    printf("after prefix: %d %d\n", after_prefix("cmd: one two three", "cmd:"), after_prefix("xyz", "cmd:"));
    char up[64], shout[] = "quiet please";
    int n = copy_upper(up, shout);
    printf("%s (%d)\n", up, n);
    char pad[] = "   padded";
    show_trimmed("  done");
    show_trimmed(pad);
    char words[] = "hello world";
    cut_at_space(words);
    printf("%s\n", words);
    char xs[8] = "xxab";
    printf("x: %d %d\n", leading_x(xs + 1), leading_x("xxxyz"));
    return 0;
}
