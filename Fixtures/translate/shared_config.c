// translate: reference-counted configuration object shared by two users
// exit: 0
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct config {
    int refs;
    char *name;
    int verbose;
};

struct user {
    int id;
    struct config *cfg;
};

struct config *config_new(const char *name, int verbose) {
    struct config *c = malloc(sizeof *c);
    if (c == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    c->refs = 1;
    c->name = strdup(name);
    c->verbose = verbose;
    if (c->name == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return c;
}

struct config *config_ref(struct config *c) {
    c->refs++;
    return c;
}

void config_unref(struct config *c) {
    c->refs--;
    if (c->refs == 0) {
        free(c->name);
        free(c);
    }
}

struct user *user_new(int id, struct config *cfg) {
    struct user *u = malloc(sizeof *u);
    if (u == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    u->id = id;
    u->cfg = config_ref(cfg);
    return u;
}

void user_greet(const struct user *u) {
    printf("user %d uses config %s (verbose=%d)\n", u->id, u->cfg->name, u->cfg->verbose);
}

void user_free(struct user *u) {
    config_unref(u->cfg);
    free(u);
}

int main(void) {
    struct config *cfg = config_new("production", 1);
    printf("refs after new: %d\n", cfg->refs);
    struct user *a = user_new(1, cfg);
    struct user *b = user_new(2, cfg);
    printf("refs with two users: %d\n", cfg->refs);
    config_unref(cfg);
    printf("refs after main drops its reference: %d\n", a->cfg->refs);
    user_greet(a);
    user_greet(b);
    a->cfg->verbose = 0;
    user_greet(b);
    printf("id sum: %d\n", a->id + b->id);
    user_free(a);
    printf("refs after first user is freed: %d\n", b->cfg->refs);
    user_free(b);
    return 0;
}
