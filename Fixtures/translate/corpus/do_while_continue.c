// translate: `continue` inside a do-while, also from inside a switch: C jumps to the loop's
// condition (the idiomatic tier's `loop` jumped to the top and skipped it, looping forever)
// exit: 0
#include <stdio.h>

int main(void) {
    int i = 0, odd = 0, skipped = 0;
    do {
        i++;
        if (i % 2 == 0) {
            skipped++;
            continue;
        }
        odd += i;
    } while (i < 9);
    int k = 0, ticks = 0;
    do {
        k++;
        switch (k % 3) {
        case 0: continue;
        default: ticks++;
        }
    } while (k < 10);
    printf("%d %d %d %d %d\n", i, odd, skipped, k, ticks);
    return 0;
}
