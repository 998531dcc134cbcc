// translate: struct members that only hold string literals or NULL: a static command table
// ended by a {NULL, 0} sentinel and searched with strcmp, a record built with designated
// initialisers and a field left out (NULL, printed "(null)", and nothing under %.3s), a member
// set by ?: and used as a value, a NULL test, strlen, a struct copy, sizeof of the record
// (C's size); rows of a char matrix printed and copied; a compound literal as a value and
// a function pointer called as (*f)(x). Near misses that stay pointers: a member that also
// takes a char array's address, a record whose address goes to memset, a row copied from a
// row of the same matrix
// exit: 0
#include <stdio.h>
#include <string.h>

struct command {
    const char *name;
    int arity;
    const char *help;
};

static const struct command commands[] = {
    {"push", 1, "push a value"},
    {"pop", 0, "drop the top"},
    {"add", 0, NULL},
    {.name = "dup", .arity = 0},
    {NULL, 0, NULL},
};

struct label {
    const char *text;   /* also holds a buffer's address: stays a pointer */
    int width;
};

struct cleared {
    const char *tag;    /* its record goes to memset: stays a pointer */
    int n;
};

struct point { int x, y; };

static int twice(int v) { return 2 * v; }

static const struct command *find(const char *name) {
    for (const struct command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c;
    return NULL;
}

static void describe(struct command c) {
    printf("%-5s arity=%d help=%s len=%zu [%.3s]\n", c.name, c.arity, c.help, strlen(c.name), c.help);
}

int main(void) {
    for (int i = 0; commands[i].name != NULL; i++) describe(commands[i]);
    const struct command *hit = find("add");
    printf("found %s: %s\n", hit ? hit->name : "-", hit && hit->help ? hit->help : "no help");
    printf("missing: %s\n", find("mul") ? "yes" : "no");

    struct command local = commands[1];
    local.arity = 7;
    local.help = local.arity > 3 ? "many" : "few";
    const char *raw = local.help;   /* the member as C's pointer */
    printf("%s %d %s %c\n", local.name, local.arity, raw, raw[1]);
    local.name = NULL;
    printf("[%s] [%.2s] %d\n", local.name, local.name, local.name == NULL);
    printf("sizeof %zu\n", sizeof(struct command));

    char buffer[16] = "buffered";
    struct label labels[2] = {{"plain", 5}, {buffer, 8}};
    for (int i = 0; i < 2; i++) printf("%s/%d ", labels[i].text, labels[i].width);
    printf("\n");

    struct cleared c;
    memset(&c, 0, sizeof c);
    c.tag = "set";
    c.n = 3;
    printf("%s %d\n", c.tag, c.n);

    char rows[3][8] = {"one", "two", "three"};
    strcpy(rows[1], "TWO");
    for (int i = 0; i < 3; i++) printf("%s%c", rows[i], i < 2 ? ',' : '\n');
    strcpy(rows[0], rows[2]);
    printf("%s %zu\n", rows[0], strlen(rows[2]));

    struct point p = {1, 2};
    p = (struct point){.y = p.x + 10};
    int (*f)(int) = twice;
    printf("%d %d %d\n", p.x, p.y, (*f)(p.y));
    return 0;
}
