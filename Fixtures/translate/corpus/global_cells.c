// translate: program state kept in globals the way small C programs keep it, lent to helpers by
// address: a statistics record updated through `update(&stats, v)`, an array of account records
// indexed in place, lent whole to a function that sums it (`total(bank, n)`), from an offset
// (`total(bank + 1, 2)`) and by element (`deposit(&bank[i], v)`), a static local counter lent to
// `next(&count)` in a loop condition, a global index set through its address
// (`pick(&current, r)`), whole records copied in and out, and the names inside the records
// printed, measured and compared. Each global lives in a thread-local cell; every function is
// safe Rust.
// safe: update deposit total next pick richest main_0
// exit: 0
#include <stdio.h>
#include <string.h>

struct stats {
    int count;
    long sum;
    int min, max;
};

struct account {
    char owner[12];
    int balance;
    int moves;
};

static struct stats stats = {0, 0, 1 << 30, -(1 << 30)};
static struct account bank[3] = {{"ada", 100, 0}, {"brian", 50, 0}, {"claude", 0, 0}};
static int current = -1;

static void update(struct stats *s, int v) {
    s->count++;
    s->sum += v;
    if (v < s->min) s->min = v;
    if (v > s->max) s->max = v;
}

static void deposit(struct account *a, int v) {
    a->balance += v;
    a->moves++;
}

static long total(const struct account *a, int n) {
    long t = 0;
    for (int i = 0; i < n; i++)
        t += a[i].balance;
    return t;
}

static int next(int *counter) { return ++*counter; }

static void pick(int *slot, int v) { *slot = v; }

static int richest(const struct account *a, int n) {
    int best = 0;
    for (int i = 1; i < n; i++)
        if (a[i].balance > a[best].balance) best = i;
    return best;
}

int main(void) {
    int values[] = {7, -3, 12, 5, 0, 9};
    for (int i = 0; i < 6; i++) update(&stats, values[i]);
    printf("count=%d sum=%ld min=%d max=%d\n", stats.count, stats.sum, stats.min, stats.max);

    static int rounds;
    while (next(&rounds) <= 4)
        deposit(&bank[rounds % 3], rounds * 10);
    printf("rounds=%d total=%ld tail=%ld\n", rounds, total(bank, 3), total(bank + 1, 2));

    int r = richest(bank, 3);
    pick(&current, r);
    printf("richest %s with %d after %d moves (%s)\n", bank[r].owner, bank[r].balance, bank[r].moves,
           current == r ? "current" : "other");

    struct account saved = bank[0];
    bank[0] = bank[2];
    bank[2] = saved;
    bank[1].balance -= 25;
    for (int i = 0; i < 3; i++)
        printf("%-8s|%5d|%zu|%d\n", bank[i].owner, bank[i].balance, strlen(bank[i].owner), strcmp(bank[i].owner, "brian") == 0);

    struct stats copy = stats;
    copy.count = 0;
    stats = copy;
    update(&stats, 42);
    printf("count=%d sum=%ld\n", stats.count, stats.sum);
    return 0;
}
