/* Struct fields: owned (fresh allocations, freed by the destroy function) vs borrowed (aliases). */
#include <stdlib.h>
#include <string.h>

struct fo_person {
    // expect field fo_person.name owned immutable rust="String"
    char *name;
    /* Only ever points at string literals. */
    // expect field fo_person.kind borrowed immutable
    const char *kind;
};

// expect return fo_person_new owned
// expect param fo_person_new.name borrowed immutable
struct fo_person *fo_person_new(const char *name) {
    struct fo_person *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->name = strdup(name);
    p->kind = "person";
    return p;
}

// expect param fo_person_free.p owned
void fo_person_free(struct fo_person *p) {
    if (!p) return;
    free(p->name);
    free(p);
}

struct fo_roster {
    // expect field fo_roster.people owned mutable
    struct fo_person **people;
    size_t count;
};

/* p is stored into the owned array, which fo_roster_clear frees element by element. */
// expect param fo_roster_add.r borrowed mutable
// expect param fo_roster_add.p owned
int fo_roster_add(struct fo_roster *r, struct fo_person *p) {
    struct fo_person **grown = realloc(r->people, (r->count + 1) * sizeof *grown);
    if (!grown) return -1;
    r->people = grown;
    r->people[r->count++] = p;
    return 0;
}

// expect param fo_roster_clear.r borrowed mutable
void fo_roster_clear(struct fo_roster *r) {
    for (size_t i = 0; i < r->count; i++)
        fo_person_free(r->people[i]);
    free(r->people);
    r->people = NULL;
    r->count = 0;
}

/* A cursor only aliases a roster that someone else owns. */
struct fo_cursor {
    // expect field fo_cursor.roster borrowed immutable
    const struct fo_roster *roster;
    size_t pos;
};

// expect param fo_cursor_init.c borrowed mutable
// expect param fo_cursor_init.r borrowed immutable
void fo_cursor_init(struct fo_cursor *c, const struct fo_roster *r) {
    c->roster = r;
    c->pos = 0;
}
