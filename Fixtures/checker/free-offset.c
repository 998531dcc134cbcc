/* free-offset: releasing a pointer that was advanced past the start of its
 * allocation. Reported at the line of the free/release call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Project function that releases its parameter. */
static void fo_release(char *p) {
    free(p);
}

/* Positive (some path): s is advanced past leading spaces and then freed. */
void fo_skip_space(const char *line) {
    char *s = strdup(line);
    if (!s)
        return;
    while (*s == ' ')
        s++;
    puts(s);
    // expect diag free-offset possible
    free(s);
}

/* Positive: the pointer one past the start is freed. */
void fo_plus_one(void) {
    int *v = calloc(4, sizeof *v);
    if (!v)
        return;
    v[0] = 3;
    // expect diag free-offset definite
    free(v + 1);
}

/* Positive: the payload after the header is freed instead of the block. */
void fo_payload(size_t n) {
    char *buf = malloc(8 + n);
    if (!buf)
        return;
    char *payload = buf + 8;
    memset(payload, 0, n);
    // expect diag free-offset definite
    free(payload);
}

/* Positive: the cursor is advanced with += and then freed. */
void fo_cursor(size_t n) {
    char *p = malloc(n + 4);
    if (!p)
        return;
    memset(p, 'a', n + 4);
    p += 4;
    // expect diag free-offset definite
    free(p);
}

/* Positive: fo_release frees its parameter, here an advanced pointer. */
void fo_release_offset(void) {
    char *s = strdup("--verbose");
    if (!s)
        return;
    puts(s + 2);
    // expect diag free-offset definite
    fo_release(s + 2);
}

/* Negative: a copy is advanced and the original is freed. */
void fo_ok_copy(const char *line) {
    char *s = strdup(line);
    if (!s)
        return;
    char *c = s;
    while (*c == ' ')
        c++;
    puts(c);
    free(s);
}

/* Negative: the pointer is moved back to the start before the free. */
void fo_ok_rewind(size_t n) {
    char *p = malloc(n + 4);
    if (!p)
        return;
    p += 4;
    memset(p, 0, n);
    p -= 4;
    free(p);
}

/* Negative: indexing does not move the pointer. */
void fo_ok_index(void) {
    char *p = malloc(8);
    if (!p)
        return;
    p[3] = 'x';
    free(p);
}

/* Negative: elements of an owned array are freed, not an offset of the array. */
void fo_ok_free_elements(char **arr, int n) {
    for (int i = 0; i < n; i++)
        free(arr[i]);
    free(arr);
}

/* Negative: fo_release gets the start of the allocation; only a copy was offset. */
void fo_ok_release_start(void) {
    char *s = strdup("--verbose");
    if (!s)
        return;
    const char *opt = s + 2;
    puts(opt);
    fo_release(s);
}
