// probe: t08_duff, a program written to test one corner of C's semantics in translation
#include <stdio.h>
void copy(int *to, const int *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
            } while (--n > 0);
    }
}
int main(void) {
    int a[20], b[20] = {0};
    for (int i = 0; i < 20; i++) a[i] = i * i;
    copy(b, a, 13);
    for (int i = 0; i < 20; i++) printf("%d ", b[i]);
    printf("\n");
    return 0;
}
