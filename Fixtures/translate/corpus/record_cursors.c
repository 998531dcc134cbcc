// translate: pointers that walk arrays of records and reach the records' names, as inventory
// and table code does: `best = &inv[i]` kept while scanning, `printf("%s", best->name)`,
// `strcat(p->name, ...)`, `strcpy` and `snprintf(p->tag, ...)` through a cursor (one walked backwards), a cursor over a lifted
// parameter's slice, and one over a static table that is only read. Every cursor is an index
// and every name an array in place: no unsafe.
// safe: restock pick label show_catalog main_0
// exit: 0
#include <stdio.h>
#include <string.h>

struct item { int id; int qty; char name[16]; char tag[8]; };

static const struct item catalog[] = {
    {10, 1, "washer", ""}, {11, 4, "spring", ""}, {12, 9, "rivet", ""},
};

static void restock(struct item *items, int n) {
    for (struct item *p = items; p < items + n; p++) {
        if (p->qty < 3) {
            p->qty += 10;
            strcat(p->name, "+");
        }
    }
}

static int pick(const struct item *items, int n) {
    const struct item *best = &items[0];
    for (int i = 1; i < n; i++)
        if (items[i].qty > best->qty) best = &items[i];
    printf("best %s (%d)\n", best->name, best->qty);
    return best->id;
}

static void label(struct item *items, int n) {
    struct item *p = items + n;
    while (p > items) {
        p--;
        snprintf(p->tag, sizeof p->tag, "#%d", p->id);
    }
}

static void show_catalog(void) {
    for (const struct item *c = catalog; c < catalog + 3; c++)
        printf("%-8s %d\n", c->name, c->qty);
}

int main(void) {
    struct item inv[4] = {{1, 2, "bolt", ""}, {2, 5, "nut", ""}, {3, 0, "gear", ""}, {4, 7, "cog", ""}};
    restock(inv, 4);
    int id = pick(inv, 4);
    label(inv, 4);
    struct item *last = &inv[0];
    for (int i = 0; i < 4; i++) {
        printf("%d %s %s %d\n", inv[i].id, inv[i].name, inv[i].tag, inv[i].qty);
        if (inv[i].id == id) last = &inv[i];
    }
    strcpy(last->name, "winner");
    printf("%s %s\n", last->name, last->tag);
    show_catalog();
    return 0;
}
