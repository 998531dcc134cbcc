// translate: heap records whose members the C library fills: strcpy and snprintf into a char array
// member (snprintf reading another node's name, given as a copy), sscanf into an int member, memcpy
// into an int array member (from a local array, and from another node's member), a
// whole node zeroed with memset and copied with memcpy; the records still live on heaps of handles
// (the library gets the member's address for the call only), so the functions that only walk and
// print the nodes need no unsafe; a member array written from an offset (`strcpy(q->b + 1, x)`)
// is the rest of a slice (it was a near miss until string tails); the near miss that keeps raw
// pointers: a member whose address comes back from the library (strchr)
// exit: 0
// safe: count_older print_all oldest release clone_front make_pair
// unsafe: make_person make_setting
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person {
    char name[16];
    int age;
    int scores[3];
    struct person *next;
};

static struct person *make_person(struct person *next, const char *name, const char *age_text) {
    struct person *p = malloc(sizeof *p);
    memset(p, 0, sizeof *p);
    strcpy(p->name, name);
    if (sscanf(age_text, "%d", &p->age) != 1) p->age = -1;
    int first[3] = {p->age % 7, (int)strlen(name), 1};
    memcpy(p->scores, first, sizeof p->scores);
    p->next = next;
    return p;
}

static struct person *clone_front(struct person *list) {
    struct person *c = malloc(sizeof(struct person));
    memcpy(c, list, sizeof(struct person));
    snprintf(c->name, sizeof c->name, "%s-2", list->name);
    memcpy(c->scores, list->next->scores, sizeof c->scores);
    c->next = list;
    return c;
}

static int count_older(const struct person *p, int age) {
    int n = 0;
    for (; p; p = p->next) n += p->age > age;
    return n;
}

static void print_all(const struct person *p) {
    for (; p; p = p->next) printf("%s(%d %d%d%d) ", p->name, p->age, p->scores[0], p->scores[1], p->scores[2]);
    printf("\n");
}

static const struct person *oldest(const struct person *p) {
    const struct person *best = p;
    for (; p; p = p->next) if (p->age > best->age) best = p;
    return best;
}

static void release(struct person *p) {
    while (p) { struct person *n = p->next; free(p); p = n; }
}

/* Written from an offset: the rest of a slice. */
struct pair { char a[8], b[8]; struct pair *next; };
static struct pair *make_pair(const char *x) {
    struct pair *q = malloc(sizeof *q);
    strcpy(q->a, x);
    strcpy(q->b + 1, x);
    q->b[0] = '>';
    q->next = NULL;
    return q;
}

/* Near miss: raw pointers. */
struct setting { char line[16]; struct setting *next; };
static struct setting *make_setting(const char *text) {
    struct setting *st = malloc(sizeof *st);
    strcpy(st->line, text);
    char *eq = strchr(st->line, '=');
    if (eq) *eq = ':';
    st->next = NULL;
    return st;
}

int main(void) {
    struct person *list = NULL;
    list = make_person(list, "ada", "36");
    list = make_person(list, "grace", "85");
    list = make_person(list, "linus", "x");
    list = clone_front(list);
    print_all(list);
    const struct person *o = oldest(list);
    printf("older than 30: %d, oldest %s\n", count_older(list, 30), o->name);
    release(list);
    struct pair *q = make_pair("hi");
    printf("%s %s\n", q->a, q->b);
    free(q);
    struct setting *a = make_setting("key=value");
    struct pair *spacer = make_pair("moves");
    struct setting *b = make_setting("x=1");
    printf("%s %s %s\n", a->line, b->line, spacer->a);
    free(a); free(b); free(spacer);
    return 0;
}
