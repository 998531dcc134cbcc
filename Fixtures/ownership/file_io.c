/* FILE * streams: owned between fopen and fclose. */
#include <stdio.h>
#include <stdlib.h>

// expect param fi_count_lines.path borrowed immutable
long fi_count_lines(const char *path) {
    // expect local fi_count_lines.f owned
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    // expect local fi_count_lines.n value mutable
    long n = 0;
    // expect local fi_count_lines.c value mutable
    int c;
    while ((c = fgetc(f)) != EOF)
        if (c == '\n')
            n++;
    fclose(f);
    return n;
}

// expect return fi_read_all owned
// expect param fi_read_all.len_out borrowed mutable rust="&mut usize"
char *fi_read_all(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    // expect local fi_read_all.buf owned mutable
    char *buf = malloc(4096);
    if (buf)
        *len_out = fread(buf, 1, 4096, f);
    fclose(f);
    return buf;
}

// expect param fi_first_line.line borrowed mutable
int fi_first_line(const char *path, char *line, int cap) {
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int ok = fgets(line, cap, f) != NULL;
    fclose(f);
    return ok ? 0 : -1;
}

/* Closing an optional stream: the parameter is moved in. */
// expect param fi_close.f owned
void fi_close(FILE *f) {
    if (f)
        fclose(f);
}
