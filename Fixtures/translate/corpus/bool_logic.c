// translate: stdbool logic: bool returns, short-circuit tests, isdigit(c) || c == 'x', NULL pointer checks
// exit: 0
#include <ctype.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct user {
    const char *name;
    bool admin;
    const struct user *manager;
};

static bool is_hex_literal(const char *s) {
    if (s == NULL || *s == '\0')
        return false;
    bool seen_x = false;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (!(isdigit((unsigned char)c) || c == 'x' || (c >= 'a' && c <= 'f')))
            return false;
        if (c == 'x') {
            if (seen_x || p != s + 1 || s[0] != '0')
                return false;
            seen_x = true;
        }
    }
    return seen_x && s[2] != '\0';
}

static bool can_approve(const struct user *u) {
    if (!u)
        return false;
    return u->admin || (u->manager != NULL && u->manager->admin);
}

static int chain_length(const struct user *u) {
    int n = 0;
    while (u) {
        n++;
        u = u->manager;
    }
    return n;
}

static const char *yn(bool b) { return b ? "true" : "false"; }

int main(void) {
    const char *tests[] = {"0x1f", "0x", "123", "x12", "0xx1", "0xfg", "", NULL};
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
        printf("is_hex_literal(%s%s%s) = %s\n", tests[i] ? "\"" : "", tests[i] ? tests[i] : "NULL",
               tests[i] ? "\"" : "", yn(is_hex_literal(tests[i])));

    struct user boss = {"boss", true, NULL};
    struct user lead = {"lead", false, &boss};
    struct user dev = {"dev", false, &lead};
    const struct user *people[] = {&boss, &lead, &dev, NULL};
    for (int i = 0; i < 4; i++) {
        const struct user *u = people[i];
        printf("%-5s approve=%s chain=%d\n", u ? u->name : "none", yn(can_approve(u)), chain_length(u));
    }

    bool done = false;
    bool flags[4] = {false};
    int steps = 0;
    while (!done) {
        flags[steps % 4] = !flags[steps % 4];
        steps++;
        done = flags[0] && flags[3];
    }
    printf("steps=%d flags=%d%d%d%d\n", steps, flags[0], flags[1], flags[2], flags[3]);

    bool t = true, f = false;
    int count = t + t + f; /* bools promote to int */
    bool from_int = 42;    /* any non-zero becomes true */
    printf("count=%d from_int=%d !t=%d t^f=%d t&&!f=%d sizeof(bool)=%zu\n", count, from_int, !t, t ^ f,
           t && !f, sizeof(bool));

    int calls = 0;
    const char *p = NULL;
    if (p != NULL && *p == 'x')
        calls++;
    if (p == NULL || *p == 'x')
        calls += 10;
    printf("short-circuit calls=%d\n", calls);
    return 0;
}
