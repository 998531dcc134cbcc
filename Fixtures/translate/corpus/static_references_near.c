// translate: near misses of static references; each `const T *` stays a raw pointer and behaves
// as C: a lookup that returns one past the end of a constant table as its "not found" marker
// (`&keys[3]`: a valid C pointer, a reference to nothing), a walk over a constant table with
// `p++` and `p < end`, a `const T *` that may point to a local record as well as to a static
// one, and one whose bytes are copied with memcpy (`memcpy(&current, &chosen, sizeof current)`:
// any bits could land there).
// safe: pick
// unsafe: lookup first_heavy main_0
// exit: 0
#include <stdio.h>
#include <string.h>

struct key { char name; int weight; };
struct limits { int lo, hi; };
struct theme { const char *name; int colors; };

static const struct key keys[3] = {{'a', 5}, {'b', 12}, {'c', 7}};
static const struct limits defaults = {0, 10};
static const struct theme light = {"light", 8}, dark = {"dark", 16};

static const struct key *lookup(char c) {
    int i;
    for (i = 0; i < 3; i++)
        if (keys[i].name == c) break;
    return &keys[i];
}

static const struct key *first_heavy(int min) {
    for (const struct key *p = keys, *end = keys + 3; p < end; p++)
        if (p->weight >= min) return p;
    return NULL;
}

static const struct limits *pick(const struct limits *custom, int use) { return use ? custom : &defaults; }

int main(void) {
    const char *probe = "bxc";
    for (int i = 0; probe[i]; i++) {
        const struct key *k = lookup(probe[i]);
        if (k == &keys[3]) printf("%c: none\n", probe[i]);
        else printf("%c: %d\n", probe[i], k->weight);
    }
    const struct key *h = first_heavy(10);
    printf("heavy: %c\n", h ? h->name : '-');
    struct limits mine = {3, 4};
    const struct limits *l = pick(&mine, 1), *d = pick(&mine, 0);
    printf("%d..%d %d..%d\n", l->lo, l->hi, d->lo, d->hi);
    const struct theme *current = &light, *chosen = &dark;
    memcpy(&current, &chosen, sizeof current);
    printf("%s %d\n", current->name, current->colors);
    return 0;
}
