// translate: text built in buffers from malloc, as C programs build paths and messages: strcpy,
// strcat and strncat into a malloc'd buffer, snprintf into one with its return value, strlen,
// strcmp and %s of them, a byte changed by index, and calloc'd scratch text. Each buffer is a
// `Vec<i8>` whose text `cstring` and `cstdio` read and write as slices; no function needs unsafe.
// safe: join_path shout main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int join_path(const char *dir, const char *file) {
    char *path = malloc(64);
    strcpy(path, dir);
    strcat(path, "/");
    strncat(path, file, 20);
    int n = (int)strlen(path);
    printf("path %s (%d)\n", path, n);
    free(path);
    return n;
}

static void shout(const char *word, int times) {
    char *out = calloc(48, 1);
    for (int i = 0; i < times; i++) {
        strcat(out, word);
        strcat(out, i + 1 < times ? " " : "!");
    }
    out[0] = (char)(out[0] - 32);
    puts(out);
    free(out);
}

int main(void) {
    int total = join_path("/usr/share", "dict") + join_path("/tmp", "a-very-long-file-name-indeed.txt");
    shout("hey", 3);
    char *msg = malloc(40);
    int n = snprintf(msg, 40, "%d paths, %s", total, total > 30 ? "long" : "short");
    char *copy = malloc(40);
    strcpy(copy, msg);
    copy[0] = '#';
    printf("%s|%s|%d|%d\n", msg, copy, n, strcmp(msg, copy) > 0);
    free(msg);
    free(copy);
    return 0;
}
