// translate: strings built by writing at an offset into a buffer, as C string code does:
// `strcpy(buf + len, part)`, `strncpy(out + n + 1, s, cap - n - 2)`, `strcat(&buf[2], s)`,
// `len += snprintf(line + len, sizeof line - len, ...)` in a loop, into local arrays, lifted
// parameters and a buffer from malloc; the offsets are computed first (`buf + strlen(buf)`).
// Every write is into the rest of a slice: no unsafe.
// safe: join render path_of shout main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void join(char *out, size_t cap, const char *a, const char *b) {
    size_t n = strlen(a);
    strcpy(out, a);
    strcpy(out + n, "-");
    strncpy(out + n + 1, b, cap - n - 2);
    out[cap - 1] = '\0';
}

static int render(char *dst, size_t cap, const int *v, int n) {
    size_t len = 0;
    for (int i = 0; i < n && len < cap; i++)
        len += snprintf(dst + len, cap - len, "%s%d", i ? "," : "", v[i]);
    return (int)len;
}

static void path_of(char *out, size_t cap, const char *dir, const char *name, const char *ext) {
    snprintf(out, cap, "%s", dir);
    size_t n = strlen(out);
    if (n > 0 && out[n - 1] != '/' && n + 1 < cap) strcpy(out + n, "/");
    strncat(out + strlen(out), name, cap - strlen(out) - 1);
    if (strlen(out) + strlen(ext) + 1 < cap) strcat(out, ext);
}

static void shout(char *s) {
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z') s[i] = (char)(s[i] - 'a' + 'A');
    strcpy(s + n, "!!");
}

int main(void) {
    char buf[32];
    strcpy(buf, "abc");
    strcpy(buf + strlen(buf), "def");
    strcat(&buf[2], "?");
    printf("%s\n", buf);

    char out[16];
    join(out, sizeof out, "left", "right");
    printf("%s %zu\n", out, strlen(out + 2));
    join(out, sizeof out, "a-much-longer", "tail");
    printf("%s\n", out);

    char line[24];
    int vals[] = {3, 14, 159, 2653, 58979};
    int w = render(line, sizeof line, vals, 5);
    printf("%d [%s]\n", w, line);
    char small[8];
    w = render(small, sizeof small, vals, 5);
    printf("%d [%s]\n", w, small);

    char path[40];
    path_of(path, sizeof path, "/tmp", "report", ".txt");
    printf("%s\n", path);
    path_of(path, sizeof path, "/var/log/", "syslog", ".1");
    printf("%s\n", path);

    char *msg = malloc(32);
    if (!msg) return 1;
    strcpy(msg, "hey");
    strcpy(msg + 3, " there");
    shout(msg);
    printf("%s %zu\n", msg, strlen(msg));
    free(msg);
    return 0;
}
