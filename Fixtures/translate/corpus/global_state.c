// translate: program state in globals as C programs keep it: counters, flags, a histogram array
// updated with g[i++]++, a static call counter inside a function, a char global, compound
// assignments and ++ used as values; and a global whose address is taken (kept as it is)
// exit: 0
#include <stdbool.h>
#include <stdio.h>

static int calls;
static long total = 100;
static unsigned hits[8];
static bool verbose = true;
static char last = 'a';
static int scores[4] = {10, 20, 30, 40};
static int watched = 5;

static int next_id(void) {
    static int id = 1000;
    calls++;
    return id++;
}

static void record(int v) {
    int i = v % 8;
    hits[i++]++;
    hits[i % 8] += 2;
    total += v;
    last = (char)('a' + v % 26);
    if (v > 50)
        verbose = false;
}

static void bump(int *p) { (*p)++; }

int main(void) {
    for (int v = 3; v < 90; v += 7)
        record(v);
    int a = next_id(), b = next_id();
    int c = ++calls * 10;
    printf("ids %d %d calls=%d c=%d total=%ld last=%c verbose=%d\n", a, b, calls, c, total, last, verbose);
    for (int i = 0; i < 8; i++)
        printf("%u%c", hits[i], i == 7 ? '\n' : ' ');
    scores[2] -= 5;
    int sum = 0;
    for (int i = 0; i < 4; i++)
        sum += scores[i];
    bump(&watched);
    int *w = &watched;
    *w += 10;
    printf("sum=%d watched=%d (total %s 500)\n", sum, watched, (total += 1) > 500 ? ">" : "<=");
    return 0;
}
