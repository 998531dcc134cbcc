/* char pointers used as strings: &str when lent, String when owned. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// expect param st_len.s borrowed immutable rust="&str"
size_t st_len(const char *s) { return strlen(s); }

// expect param st_equal.a borrowed immutable rust="&str"
// expect param st_equal.b borrowed immutable
int st_equal(const char *a, const char *b) { return strcmp(a, b) == 0; }

// expect param st_greet.name borrowed immutable rust="&str"
void st_greet(const char *name) { printf("hello, %s\n", name); }

// expect param st_upper.s borrowed mutable
void st_upper(char *s) {
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            *s = (char)(*s - 32);
}

// expect param st_copy_name.buf borrowed mutable
// expect param st_copy_name.name borrowed immutable
void st_copy_name(char *buf, const char *name) {
    strcpy(buf, name);
}

// expect return st_concat owned rust="String"
char *st_concat(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    // expect local st_concat.out owned mutable
    char *out = malloc(la + lb + 1);
    if (!out)
        return NULL;
    memcpy(out, a, la);
    memcpy(out + la, b, lb + 1);
    return out;
}

int st_shout(const char *msg) {
    // expect local st_shout.copy owned mutable rust="String"
    char *copy = strdup(msg);
    if (!copy)
        return -1;
    st_upper(copy);
    st_greet(copy);
    free(copy);
    return 0;
}

/* An argv-style array of strings, only read: a slice of &str. */
// expect param st_total_len.argv borrowed immutable rust="&[&str]"
size_t st_total_len(int argc, char **argv) {
    size_t total = 0;
    for (int i = 0; i < argc; i++)
        total += strlen(argv[i]);
    return total;
}
