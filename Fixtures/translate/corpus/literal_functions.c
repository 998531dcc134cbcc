// translate: functions that only return string literals (a switch of returns, a ?: of two, an
// element of a static table, a call of another such function, a literal with a NUL inside) printed, measured and compared by
// their callers; a local table of literals indexed in a loop; a hex digit taken from a literal;
// near misses that stay pointers: a function that may return its static buffer, and a returned
// name walked by a local pointer
// exit: 0
#include <stdio.h>
#include <string.h>

enum color { RED, GREEN, BLUE, CYAN };

static const char *const planets[] = {"mercury", "venus", "earth", "mars"};

static const char *color_name(enum color c) {
    switch (c) {
    case RED: return "red";
    case GREEN: return "green";
    case BLUE: return "blue";
    default: return "unknown";
    }
}

static const char *yes_no(int b) { return b ? "yes" : "no"; }

static const char *cut(int k) { return k ? "red" : "ab\0cd"; }

static const char *planet(int i) { return planets[i & 3]; }

static const char *shout(enum color c) {
    if (c == RED) return "RED!";
    return color_name(c);
}

static char scratch[16];
static const char *maybe_buffer(int n) {
    if (n < 0) return "negative";
    snprintf(scratch, sizeof scratch, "n=%d", n);
    return scratch;
}

static void hex(unsigned v, char *out) {
    for (int i = 7; i >= 0; i--) { out[i] = "0123456789abcdef"[v & 15]; v >>= 4; }
    out[8] = '\0';
}

int main(void) {
    for (int c = RED; c <= CYAN; c++)
        printf("%d %-8s|%zu %s\n", c, color_name((enum color)c), strlen(color_name((enum color)c)), shout((enum color)c));
    printf("%s %s %d\n", yes_no(1), yes_no(0), strcmp(yes_no(3), "yes"));
    printf("[%s] %zu\n", cut(0), strlen(cut(0)));
    for (int i = 0; i < 6; i++) printf("%s%c", planet(i), i == 5 ? '\n' : ',');
    const char *days[] = {"mon", "tue", "wed"};
    for (int i = 0; i < 3; i++) printf("[%s:%zu]", days[i], strlen(days[i]));
    printf("\n");
    char h[9];
    hex(0xC0FFEEu, h);
    printf("%s\n", h);
    printf("%s %s\n", maybe_buffer(-1), maybe_buffer(42));
    const char *s = color_name(BLUE);
    int sum = 0;
    while (*s) sum += *s++;
    printf("%d\n", sum);
    return 0;
}
