// translate: local pointers that walk one array, written as indexes into it: a scan to the NUL, two
// cursors that meet in the middle, a write cursor (*p++ = c) and its distance from the start, an end
// pointer, a walk over an array of structs (it->field), a cursor into a read-only table and one over a
// literal; near misses that stay pointers: a cursor tested against NULL, one handed to a function, one
// that may point into either of two arrays, one stored in a struct
// exit: 0
#include <stdio.h>
#include <string.h>

struct point { int x, y; };
struct span { const char *from; int len; };

static const int primes[] = {2, 3, 5, 7, 11, 13, 17, 19};

static int digits_before(const char *s) {
    int n = 0;
    while (*s >= '0' && *s <= '9') { n++; s++; }
    return n;
}

int main(void) {
    char line[] = "  alpha beta  gamma ";
    int words = 0, in_word = 0;
    for (char *p = line; *p; p++) {
        if (*p != ' ' && !in_word) words++;
        in_word = *p != ' ';
    }
    printf("words=%d\n", words);

    int a[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    int *lo = a, *hi = a + 8;
    while (lo < hi) { int t = *lo; *lo++ = *hi; *hi-- = t; }
    for (int i = 0; i < 9; i++) printf("%d%c", a[i], i == 8 ? '\n' : ' ');
    printf("met at %td\n", lo - a);

    char out[32];
    char *w = out;
    for (const char *r = "a-b-c-d"; *r; r++)
        if (*r != '-') *w++ = *r;
    *w = '\0';
    printf("%s (%td chars)\n", out, w - out);

    struct point pts[4] = {{1, 2}, {3, 4}, {5, 6}, {7, 8}};
    int sx = 0, sy = 0;
    for (struct point *it = pts, *end = pts + 4; it != end; ++it) { sx += it->x; sy += it->y; it->x = -it->x; }
    struct point *last = &pts[3];
    last->y *= 10;
    printf("%d %d %d %d\n", sx, sy, pts[0].x, pts[3].y);

    long product = 1;
    for (const int *q = primes; q < primes + 4; q++) product *= *q;
    const int *mid = &primes[4];
    printf("%ld %d %d\n", product, mid[0], mid[-1]);

    const char *text = "12345abc";
    const char *c = text + 2;
    c += 2;
    printf("%c %d\n", *c, (int)(c - text));

    /* near misses: stay pointers */
    char name[] = "near";
    char *n = name;
    while (n && *n) n++;
    printf("len %td\n", n - name);
    char num[] = "2024ad";
    char *d = num;
    printf("%d digits\n", digits_before(d));
    int left[3] = {1, 2, 3}, right[3] = {4, 5, 6};
    int *pick = words > 2 ? left : right;
    pick[1] += 10;
    printf("%d %d\n", left[1], right[1]);
    struct span sp;
    const char *start = line;
    while (*start == ' ') start++;
    sp.from = start;
    sp.len = (int)strlen(start);
    printf("%.5s %d\n", sp.from, sp.len);
    return 0;
}
