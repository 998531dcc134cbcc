// probe: v08_goto2, a program written to test one corner of C's semantics in translation
// exit: 18
#include <stdio.h>
int main(void) {
    int i = 0, s = 0;
loop:
    if (i < 5) {
        s += i;
        i++;
        if (s > 100) goto end;
        goto loop;
    }
    for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
            if (j * k == 2) goto next_j;
            s += j + k;
        }
    next_j:;
    }
    {
        int n = 3;
    retry:
        n--;
        if (n > 0) goto retry;
        s += n;
    }
end:
    printf("%d\n", s);
    return s & 0x7f;
}
