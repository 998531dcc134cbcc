// probe: u12_globals, a program written to test one corner of C's semantics in translation
#include <stdio.h>
int counter;
int hist[5];
double avg;
const char *label = "none";
static void bump(int k) { counter += k; hist[k % 5]++; label = k > 3 ? "big" : "small"; }
static int next_id(void) { static int id = 100; id += 5; return id; }
int main(void) {
    for (int i = 0; i < 7; i++) bump(i);
    avg = counter / 7.0;
    printf("%d %.3f %s\n", counter, avg, label);
    for (int i = 0; i < 5; i++) printf("%d ", hist[i]);
    int i1 = next_id(); int i2 = next_id(); printf("\n%d %d\n", i1, i2);
    return 0;
}
