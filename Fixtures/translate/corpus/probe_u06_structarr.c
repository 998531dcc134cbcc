// probe: u06_structarr, a program written to test one corner of C's semantics in translation
#include <stdio.h>
struct Acc { char name[12]; int bal; int hist[4]; };
static struct Acc bank[3] = {{"alice", 100, {0}}, {"bob", 50, {1, 2}}, {"carl", 0, {0}}};
static void deposit(struct Acc *a, int amt) { a->bal += amt; a->hist[0] = amt; }
static int total(const struct Acc *arr, int n) { int s = 0; for (int i = 0; i < n; i++) s += arr[i].bal; return s; }
static struct Acc copy_mod(struct Acc a) { a.bal = -1; a.hist[1] = 99; return a; }
int main(void) {
    deposit(&bank[1], 25);
    deposit(&bank[2], 7);
    printf("%d\n", total(bank, 3));
    struct Acc c = copy_mod(bank[1]);
    printf("%s %d %d %d | %d %d\n", c.name, c.bal, c.hist[0], c.hist[1], bank[1].bal, bank[1].hist[1]);
    struct Acc tmp = bank[0]; bank[0] = bank[2]; bank[2] = tmp;
    for (int i = 0; i < 3; i++) printf("%s:%d ", bank[i].name, bank[i].bal);
    printf("\n");
    return 0;
}
