// translate: near misses of globals in thread-local cells; each stays a `static mut` reached with
// `unsafe`, and behaves as C: a record lent to a function that, while it runs, reads the same
// global through another function (`deposit(&acct, 5)` calls `report()`, which prints
// `acct.balance`: a second borrow of the cell); two elements of one global array lent in one call
// (`swap(&pair[0], &pair[1])`); a global lent to a function that calls through a pointer (it may
// call anything; `twice`, called through one, keeps its raw parameter too); and a global whose
// address is kept (`last = &history[n]`).
// An element lent at an index a call computes, the callee reading the same global
// (`grow(&tanks[fullest()], 1)`): the index would read the cell inside its own closure.
// unsafe: report deposit swap twice run remember main_0
// exit: 0
#include <stdio.h>

struct account {
    int balance;
    int moves;
};

static struct account acct = {100, 0};
static int pair[2] = {1, 2};
static int level = 3;
static int history[4];
static int *last;

static void report(void) { printf("balance now %d\n", acct.balance); }

static void deposit(struct account *a, int v) {
    a->balance += v;
    a->moves++;
    report();
}

static void swap(int *x, int *y) {
    int t = *x;
    *x = *y;
    *y = t;
}

static void twice(int *p) { *p *= 2; }

static void run(void (*f)(int *), int *p) { f(p); }

static int tanks[3] = {4, 9, 7};

static int fullest(void) {
    int b = 0;
    for (int i = 1; i < 3; i++)
        if (tanks[i] > tanks[b]) b = i;
    return b;
}

static void grow(int *t, int by) { *t -= by * 5; }

static void remember(int n, int v) {
    history[n] = v;
    last = &history[n];
}

int main(void) {
    deposit(&acct, 5);
    swap(&pair[0], &pair[1]);
    run(twice, &level);
    for (int i = 0; i < 4; i++) remember(i, i * i);
    *last += 100;
    for (int k = 0; k < 3; k++) grow(&tanks[fullest()], 1 + tanks[fullest()] % 3);
    printf("tanks %d %d %d\n", tanks[0], tanks[1], tanks[2]);
    printf("%d %d | %d %d | %d | %d %d\n", acct.balance, acct.moves, pair[0], pair[1], level, history[3], *last);
    return 0;
}
