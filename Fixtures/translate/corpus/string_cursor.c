// translate: walking strings with a moving char pointer: while (*s), p++/p--, strchr, strncpy into a buffer
// exit: 0
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static size_t my_strlen(const char *s) {
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

static void reverse_in_place(char *s) {
    char *end = s + strlen(s);
    if (end == s)
        return;
    end--;
    while (s < end) {
        char t = *s;
        *s++ = *end;
        *end-- = t;
    }
}

/* Trim spaces from both ends by moving pointers, copy result into out. */
static void trim_copy(const char *s, char *out, size_t outsz) {
    while (*s == ' ')
        s++;
    const char *e = s + strlen(s);
    while (e > s && e[-1] == ' ')
        e--;
    size_t n = (size_t)(e - s);
    if (n >= outsz)
        n = outsz - 1;
    strncpy(out, s, n);
    out[n] = '\0';
}

static int count_words(const char *s) {
    int words = 0;
    while (*s) {
        while (*s && isspace((unsigned char)*s))
            s++;
        if (*s) {
            words++;
            while (*s && !isspace((unsigned char)*s))
                s++;
        }
    }
    return words;
}

int main(void) {
    const char *path = "/usr/local/share/oxidize/config.toml";
    printf("len=%zu (strlen %zu)\n", my_strlen(path), strlen(path));

    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strchr(base, '.');
    char stem[8];
    strncpy(stem, base, sizeof stem - 1);
    stem[sizeof stem - 1] = '\0';
    printf("base=%s ext=%s stem(7)=%s\n", base, dot ? dot + 1 : "", stem);

    /* split on '/' with strchr, copying each component */
    const char *p = path + 1;
    const char *slash;
    char comp[16];
    int depth = 0;
    while ((slash = strchr(p, '/')) != NULL) {
        size_t n = (size_t)(slash - p);
        strncpy(comp, p, n);
        comp[n] = '\0';
        printf("  dir[%d]=%s\n", depth++, comp);
        p = slash + 1;
    }

    char word[] = "cursor";
    reverse_in_place(word);
    printf("reversed=%s\n", word);

    char *q = word;
    q++;
    q++;
    q--;
    printf("q at index %td -> '%c', rest %s\n", q - word, *q, q);

    char buf[12];
    trim_copy("   padded text   ", buf, sizeof buf);
    printf("[%s]\n", buf);
    trim_copy("  this one is far too long  ", buf, sizeof buf);
    printf("[%s]\n", buf);

    printf("words=%d\n", count_words("  one two\tthree\n four  "));

    char tiny[4];
    strncpy(tiny, "abcdef", sizeof tiny);
    tiny[sizeof tiny - 1] = '\0';
    printf("tiny=%s\n", tiny);
    return 0;
}
