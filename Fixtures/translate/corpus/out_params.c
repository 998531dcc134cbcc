// translate: pointer parameters as people write them: out-parameters, init/update functions on a
// struct, const struct printers, NULL checks on parameters, parameters passed on; and the
// shapes where a pointer is no plain reference (the same object passed twice, a pointer kept in
// a global, a function called through a pointer); a parameter advanced through an array walks a slice
// exit: 0
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct stats {
    int count;
    long sum;
    int min, max;
};

struct account {
    char owner[16];
    long balance;
    struct stats history;
};

static void stats_init(struct stats *s) {
    s->count = 0;
    s->sum = 0;
    s->min = 2147483647;
    s->max = -2147483647 - 1;
}

static void stats_add(struct stats *s, int v) {
    s->count++;
    s->sum += v;
    if (v < s->min) s->min = v;
    if (v > s->max) s->max = v;
}

static bool stats_mean(const struct stats *s, double *mean) {
    if (s == NULL || s->count == 0)
        return false;
    *mean = (double)s->sum / s->count;
    return true;
}

static int deposit(struct account *a, long amount) {
    if (!a || amount <= 0)
        return -1;
    a->balance += amount;
    stats_add(&a->history, (int)amount);
    return 0;
}

static void divmod(int a, int b, int *q, int *r) {
    *q = a / b;
    *r = a % b;
}

static void swap(int *x, int *y) {
    int t = *x;
    *x = *y;
    *y = t;
}

static int *last_seen;
static void remember(int *p) { last_seen = p; }

static void twice(int *p) { *p *= 2; }

static int sum_all(const int *p, int n) {
    int s = 0;
    for (int i = 0; i < n; i++, p++)
        s += *p;
    return s;
}

static void print_stats(const char *label, const struct stats *s) {
    double mean;
    if (stats_mean(s, &mean))
        printf("%s: n=%d sum=%ld min=%d max=%d mean=%.2f\n", label, s->count, s->sum, s->min, s->max, mean);
    else
        printf("%s: empty\n", label);
}

int main(void) {
    struct stats s;
    stats_init(&s);
    print_stats("before", &s);
    int samples[] = {5, -3, 12, 7};
    for (int i = 0; i < 4; i++)
        stats_add(&s, samples[i]);
    print_stats("after", &s);

    struct account acct = {"ada", 100, {0, 0, 0, 0}};
    stats_init(&acct.history);
    deposit(&acct, 50);
    deposit(&acct, 25);
    printf("deposit(NULL) = %d, deposit(-5) = %d\n", deposit(NULL, 5), deposit(&acct, -5));
    printf("%s has %ld\n", acct.owner, acct.balance);
    print_stats("history", &acct.history);

    int q, r;
    divmod(17, 5, &q, &r);
    printf("17 = 5*%d + %d\n", q, r);

    int a = 1, b = 2;
    swap(&a, &b);
    swap(&a, &a);
    printf("a=%d b=%d\n", a, b);

    int kept = 21;
    remember(&kept);
    twice(&kept);
    printf("kept=%d via global=%d\n", kept, *last_seen);

    void (*op)(int *) = twice;
    int viaptr = 4;
    op(&viaptr);
    printf("viaptr=%d sum=%d\n", viaptr, sum_all(samples, 4));
    return 0;
}
