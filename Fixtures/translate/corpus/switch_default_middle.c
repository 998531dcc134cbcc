// translate: a switch whose `default:` is written before other cases, as state machines and
// command tables often are. C tries every case first; a Rust `match` tries its arms in order, so
// a `_ =>` arm in the default's place swallowed the cases after it (the idiomatic tier once did
// this): such a switch goes to the faithful tier.
// tier: faithful
// exit: 0
#include <stdio.h>

static int score(int op, int x) {
    int r;
    switch (op) {
    case 1: r = x + 1; break;
    default: r = -x; break;
    case 2: r = x * 10; break;
    case 3: r = x - 5; break;
    }
    return r;
}

int main(void) {
    printf("%d %d %d %d\n", score(1, 3), score(2, 3), score(3, 0), score(9, 4));
    return 0;
}
