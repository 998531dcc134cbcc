// translate: string parameters given static text other than a literal written at the call: an
// element of a table of literals and the result of a function that only returns literals; the
// parameters walk and measure their text, and pass it on; near misses: a parameter also given a
// string built on the heap, and one given an element of argv (argv[argc] is NULL), stay raw
// args: north east
// exit: 0
// safe: count_vowels longest_run shout direction
// unsafe: echo_len arg_len
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const words[] = {"mercury", "venus", "earth", "balloon", "coffee"};

static const char *direction(int d) {
    switch (d & 3) {
    case 0: return "north";
    case 1: return "east";
    case 2: return "south";
    default: return "west";
    }
}

static int count_vowels(const char *s) {
    int n = 0;
    for (; *s; s++)
        switch (*s) {
        case 'a': case 'e': case 'i': case 'o': case 'u': n++; break;
        default: break;
        }
    return n;
}

static int longest_run(const char *s) {
    int best = 0, run = 0;
    char prev = 0;
    while (*s) {
        run = *s == prev ? run + 1 : 1;
        if (run > best) best = run;
        prev = *s++;
    }
    return best;
}

static int shout(const char *word) {
    int len = (int)strlen(word);
    printf("%s! (%d letters, %d vowels, run %d)\n", word, len, count_vowels(word), longest_run(word));
    return len;
}

/* Near misses: given a heap string too; given argv's elements. */
static int echo_len(const char *s) { return (int)strlen(s); }
static int arg_len(const char *s) { return s ? (int)strlen(s) : -1; }

int main(int argc, char **argv) {
    int total = 0;
    for (int i = 0; i < 5; i++) total += shout(words[i]);
    for (int i = 1; i <= argc; i++) total += arg_len(argv[i]);
    for (int d = 0; d < 4; d++) total += shout(direction(d));
    char *copy = malloc(8);
    strcpy(copy, "copied");
    printf("total %d, echo %d %d\n", total, echo_len(copy), echo_len(words[2]));
    free(copy);
    return 0;
}
