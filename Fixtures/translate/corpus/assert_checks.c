// translate: assert() as C programs use it: preconditions in small functions, an invariant in a
// loop, a message folded into the condition (&& "text"); the last one fails, so glibc prints its
// message on stderr and aborts, and what printf buffered for a pipe is lost, as in C
// exit: 134
#include <assert.h>
#include <stdio.h>

static int half(int x) {
    assert(x % 2 == 0);
    return x / 2;
}

static int checked_index(const int *a, int n, int i) {
    assert(i >= 0 && i < n && "index in range");
    return a[i];
}

int main(void) {
    int a[4] = {8, 6, 4, 2};
    int total = 0;
    for (int i = 0; i < 4; i++) {
        total += half(checked_index(a, 4, i));
        assert(total > 0);
    }
    printf("total=%d\n", total);
    printf("half of 7: %d\n", half(7));
    return 0;
}
