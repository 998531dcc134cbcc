// translate: tables of string literals: const char *names[] counted with sizeof names / sizeof names[0]
// exit: 0
#include <stdio.h>
#include <string.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const char *const weekdays[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char *month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static const char colors[][8] = {"red", "green", "blue", "magenta"};

static int lookup(const char *const *table, size_t n, const char *name) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(table[i], name) == 0)
            return (int)i;
    return -1;
}

static size_t longest(const char *const *table, size_t n) {
    size_t best = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(table[i]);
        if (len > best)
            best = len;
    }
    return best;
}

int main(void) {
    const char *names[] = {"ada", "grace", "linus", "dennis", "ken"};
    size_t count = sizeof names / sizeof names[0];

    printf("%zu names, %zu weekdays, %zu months, %zu colors\n", count, ARRAY_SIZE(weekdays),
           ARRAY_SIZE(month_names), ARRAY_SIZE(colors));
    printf("sizeof colors = %zu, sizeof colors[0] = %zu\n", sizeof colors, sizeof colors[0]);

    for (size_t i = 0; i < count; i++)
        printf("%zu:%s%c", i, names[i], i + 1 < count ? ' ' : '\n');

    /* swap two pointers: the strings themselves do not move */
    const char *tmp = names[0];
    names[0] = names[count - 1];
    names[count - 1] = tmp;
    printf("after swap: first=%s last=%s\n", names[0], names[count - 1]);

    printf("longest weekday: %zu chars\n", longest(weekdays, ARRAY_SIZE(weekdays)));
    printf("index of Friday: %d, of Funday: %d\n", lookup(weekdays, ARRAY_SIZE(weekdays), "Friday"),
           lookup(weekdays, ARRAY_SIZE(weekdays), "Funday"));

    for (int m = 0; m < 12; m += 3)
        printf("quarter %d starts in %s (%c%c)\n", m / 3 + 1, month_names[m], month_names[m][0],
               month_names[m][2]);

    for (size_t i = 0; i < ARRAY_SIZE(colors); i++)
        printf("%-8s|%zu\n", colors[i], strlen(colors[i]));

    const char **p = names;
    size_t total = 0;
    while (p < names + count)
        total += strlen(*p++);
    printf("total letters in names: %zu\n", total);
    return 0;
}
