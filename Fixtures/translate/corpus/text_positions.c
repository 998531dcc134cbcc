// translate: lookups that return the text of an element of an array in place (`return
// c->entries[i].value;` or NULL), as configuration tables, symbol tables and caches do, held in
// locals and read as strings: printed (`%s`, NULL printed as glibc prints it), compared, parsed
// with `atoi`, copied into a buffer, measured, its first character read, tested. Each is the
// element's position: no pointer, no unsafe. Near misses keep raw pointers: a text handed to
// `strchr` (which returns a pointer into it) and a text stored in a struct member.
// safe: set_entry lookup_value describe_port
// unsafe: lookup_key split_at remember
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    char key[16];
    char value[32];
};

struct config {
    struct entry entries[8];
    int count;
};

struct table {
    struct entry rows[4];
    int n;
    const char *last;
};

static void set_entry(struct config *c, const char *key, const char *value) {
    struct entry *e = &c->entries[c->count++];
    snprintf(e->key, sizeof e->key, "%s", key);
    snprintf(e->value, sizeof e->value, "%s", value);
}

static const char *lookup_value(const struct config *c, const char *key) {
    for (int i = 0; i < c->count; i++)
        if (strcmp(c->entries[i].key, key) == 0) return c->entries[i].value;
    return NULL;
}

static int describe_port(const struct config *c) {
    const char *port = lookup_value(c, "port");
    if (port == NULL) return -1;
    printf("port %s (%zu digits, first '%c')\n", port, strlen(port), *port);
    return atoi(port);
}

static const char *lookup_key(struct table *t, int i) {
    return i < t->n ? t->rows[i].key : NULL;
}

static long split_at(struct table *t, int i) {
    const char *k = lookup_key(t, i);
    const char *colon = k ? strchr(k, ':') : NULL;
    return colon ? colon - k : -1;
}

static void remember(struct table *t, int i) {
    t->last = lookup_key(t, i);
}

int main(void) {
    struct config c = {.count = 0};
    set_entry(&c, "host", "example.org");
    set_entry(&c, "port", "8080");
    set_entry(&c, "mode", "fast");
    const char *host = lookup_value(&c, "host");
    const char *user = lookup_value(&c, "user");
    printf("host=%s user=%s [%.3s]\n", host, user, user);
    char copy[40];
    strcpy(copy, host);
    strcat(copy, "/x");
    printf("copy %s cmp %d %d\n", copy, strcmp(host, "example.org"), strncmp(host, "exam", 4));
    if (!user) puts("no user");
    const char *mode = lookup_value(&c, "mode");
    if (mode && strcmp(mode, "fast") == 0) puts(mode);
    int port = describe_port(&c);
    printf("port+1 %d\n", port + 1);

    struct table t = {{{"a:b", "1"}, {"cd", "2"}, {"e:fg", "3"}}, 3, NULL};
    printf("split %ld %ld %ld\n", split_at(&t, 0), split_at(&t, 1), split_at(&t, 5));
    remember(&t, 2);
    printf("last %s\n", t.last ? t.last : "-");
    return 0;
}
