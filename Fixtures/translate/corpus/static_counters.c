// translate: static locals that keep state between calls (a call counter, a running maximum
// in a double, a once-only initialisation flag, a static buffer index cycling through a ring);
// the idiomatic tier made them plain locals that started again at each call
// exit: 0
#include <stdio.h>

static int next_ticket(void) {
    static int n = 100;
    return n++;
}

static double running_max(double v) {
    static double best = -1.0;
    if (v > best) best = v;
    return best;
}

static int initialised(void) {
    static int done;
    if (done) return 0;
    done = 1;
    return 1;
}

static int ring_slot(void) {
    static unsigned idx;
    idx = (idx + 1) % 4;
    return (int)idx;
}

int main(void) {
    for (int i = 0; i < 3; i++) printf("ticket %d\n", next_ticket());
    double samples[] = {2.5, 9.0, 4.0};
    for (int i = 0; i < 3; i++) printf("max %.1f\n", running_max(samples[i]));
    int first = initialised();
    int second = initialised();
    printf("init %d %d\n", first, second);
    for (int i = 0; i < 6; i++) printf("%d ", ring_slot());
    printf("\n");
    return 0;
}
