// translate: pointer parameters that callers may pass NULL, the way C libraries guard their
// entry points: `if (!p) return -1`, `p == NULL ? default : p->x`, an optional out-parameter
// written only when given, a nullable parameter handed on to another, a non-null loan of a
// member of it, an element indexed by another member (`l->entries[l->n] = v`), a nullable
// parameter lent to a read-only one, and NULL passed straight through. Near misses that stay pointers: a nullable
// array (indexed), a nullable parameter kept in a global
// exit: 0
#include <stdio.h>
#include <stddef.h>
#include <string.h>

struct counter {
    int hits;
    int misses;
};

struct account {
    const char *owner;
    long balance;
    struct counter stats;
};

struct log {
    int entries[4];
    int n;
};

static int note(struct log *l, int v) {
    if (!l || l->n == 4) return -1;
    l->entries[l->n] = v;
    l->n++;
    return l->entries[l->n - 1] * 10 + l->n;
}

static void clear_log(struct log *l) {
    if (l) memset(l->entries, 0, sizeof l->entries);   /* a member array lent to the C library */
}

static int record(struct counter *c, int hit) {
    if (c == NULL)
        return -1;
    if (hit) c->hits++; else c->misses++;
    return c->hits + c->misses;
}

static int deposit(struct account *a, long amount, long *new_balance) {
    if (!a || amount <= 0) {
        record(a ? &a->stats : NULL, 0);
        return -1;
    }
    a->balance += amount;
    record(&a->stats, 1);
    if (new_balance) *new_balance = a->balance;
    return 0;
}

static long balance_or(const struct account *a, long fallback) {
    return a == NULL ? fallback : a->balance;
}

static int total_hits(const struct counter *c) { return c ? c->hits : 0; }

static int report(struct counter *c) { return total_hits(c) * 100 + (c ? c->misses : 0); }

static int sum_or_zero(const int *values, int n) {
    int s = 0;
    if (values == NULL) return 0;
    for (int i = 0; i < n; i++) s += values[i];
    return s;
}

static struct counter *kept;
static void keep(struct counter *c) { if (c) kept = c; }

int main(void) {
    struct account acct = {"ada", 100, {0, 0}};
    long after = 0;
    int rc = deposit(&acct, 50, &after);
    printf("%d %ld\n", rc, after);
    rc = deposit(&acct, 25, NULL);
    printf("%d %ld\n", rc, after);
    rc = deposit(NULL, 5, &after);
    printf("%d %d\n", rc, deposit(&acct, -5, NULL));
    printf("%ld %ld\n", balance_or(&acct, -1), balance_or(NULL, -1));
    printf("%d %d %d\n", total_hits(&acct.stats), total_hits(NULL), acct.stats.misses);
    printf("%d\n", record(NULL, 1));
    printf("%d %d\n", report(&acct.stats), report(NULL));
    struct log log = {{0}, 0};
    for (int i = 1; i <= 5; i++) printf("%d ", note(i % 2 ? &log : NULL, i));
    printf("%d\n", note(&log, 9));
    clear_log(&log);
    clear_log(NULL);
    printf("%d %d\n", log.entries[0], log.n);

    int values[] = {1, 2, 3};
    printf("%d %d\n", sum_or_zero(values, 3), sum_or_zero(NULL, 3));
    struct counter spare = {7, 0};
    keep(&spare);
    keep(NULL);
    printf("%d\n", kept->hits);
    return 0;
}
