// translate: reports failing library calls through errno, strerror and perror
// exit: 3
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int try_open(const char *path) {
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        int saved = errno;
        printf("open %s: %s (errno %s)\n", path, strerror(saved), saved == ENOENT ? "ENOENT" : "other");
        return -1;
    }
    int lines = 0, c;
    while ((c = fgetc(f)) != EOF)
        if (c == '\n')
            lines++;
    fclose(f);
    printf("open %s: ok, %d lines\n", path, lines);
    return lines;
}

static long parse_long(const char *s, int *ok) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno == ERANGE) {
        printf("parse '%s': %s\n", s, strerror(errno));
        *ok = 0;
    } else if (end == s || *end != '\0') {
        printf("parse '%s': not a number\n", s);
        *ok = 0;
    } else {
        printf("parse '%s': %ld\n", s, v);
        *ok = 1;
    }
    return v;
}

int main(void) {
    int failures = 0;
    const char *paths[] = {"./definitely-not-here.txt", "no/such/dir/file.cfg"};

    for (int i = 0; i < 2; i++)
        if (try_open(paths[i]) < 0)
            failures++;

    const char *inputs[] = {"42", "-17", "99999999999999999999999", "12abc", ""};
    for (int i = 0; i < 5; i++) {
        int ok;
        parse_long(inputs[i], &ok);
        if (!ok)
            failures++;
    }

    errno = 0;
    FILE *f = fopen("", "r");
    if (!f)
        printf("empty path: %s\n", strerror(errno));
    else
        fclose(f);

    printf("strerror(EACCES) = %s\n", strerror(EACCES));
    printf("strerror(EINVAL) = %s\n", strerror(EINVAL));
    printf("failures = %d\n", failures);
    return failures > 3 ? 3 : 0;
}
