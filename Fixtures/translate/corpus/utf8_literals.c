// translate: string literals with non-ASCII UTF-8 text and escapes (\v \t \x41 \101 \0), dumped byte by byte
// exit: 0
#include <stdio.h>
#include <string.h>

static void hexdump(const char *label, const char *s, size_t n) {
    printf("%-8s %2zu:", label, n);
    for (size_t i = 0; i < n; i++)
        printf(" %02x", (unsigned char)s[i]);
    printf("\n");
}

/* Count code points by skipping UTF-8 continuation bytes (10xxxxxx). */
static size_t utf8_len(const char *s) {
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

static void show_codepoints(const char *s) {
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned cp;
        int extra;
        if (*p < 0x80) { cp = *p; extra = 0; }
        else if ((*p & 0xE0) == 0xC0) { cp = *p & 0x1F; extra = 1; }
        else if ((*p & 0xF0) == 0xE0) { cp = *p & 0x0F; extra = 2; }
        else { cp = *p & 0x07; extra = 3; }
        p++;
        while (extra-- > 0 && (*p & 0xC0) == 0x80)
            cp = (cp << 6) | (*p++ & 0x3F);
        printf(" U+%04X", cp);
    }
    printf("\n");
}

int main(void) {
    const char *greek = "καλημέρα";
    const char *mixed = "naïve café — 東京 🚀";
    const char escapes[] = "A\tB\vC\x41\101\\\"\'?\a\b\f\r\n";
    const char embedded[] = "ab\0cd";
    const char octal[] = "\1\12\177\200\377";
    const char *joined = "con" "cat" "\x7e" "ed";

    printf("greek: %s (%zu bytes, %zu code points)\n", greek, strlen(greek), utf8_len(greek));
    printf("mixed: %s (%zu bytes, %zu code points)\n", mixed, strlen(mixed), utf8_len(mixed));
    hexdump("greek", greek, strlen(greek));
    hexdump("mixed", mixed, strlen(mixed));
    printf("code points:");
    show_codepoints(mixed);

    hexdump("escapes", escapes, sizeof escapes - 1);
    hexdump("embedded", embedded, sizeof embedded);
    printf("embedded strlen=%zu sizeof=%zu tail=%s\n", strlen(embedded), sizeof embedded, embedded + 3);
    hexdump("octal", octal, sizeof octal - 1);
    printf("joined=%s\n", joined);

    char c1 = '\x41', c2 = '\101', c3 = 'A';
    printf("chars equal: %d %d, tab=%d vtab=%d nl=%d\n", c1 == c2, c2 == c3, '\t', '\v', '\n');
    printf("%s|%s|\n", "tab\there", "quote\"inside\"");
    printf("percent %% and backslash \\ and é as bytes %02x %02x\n", (unsigned char)"é"[0],
           (unsigned char)"é"[1]);
    return 0;
}
