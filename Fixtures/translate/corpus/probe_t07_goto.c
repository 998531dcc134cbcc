// probe: t07_goto, a program written to test one corner of C's semantics in translation
#include <stdio.h>
int f(int n) {
    int i = 0, s = 0;
again:
    if (i >= n) goto done;
    s += i;
    i++;
    goto again;
done:
    return s;
}
int g(int n) {
    int i = 0;
    if (n > 2) goto inside;
    for (i = 0; i < 3; i++) {
        printf("a%d ", i);
inside:
        printf("b%d ", i);
    }
    printf("\n");
    return i;
}
int h(int x) {
    if (x < 0) goto err;
    if (x > 100) goto err2;
    return x;
err2:
    x -= 100;
err:
    return -x;
}
int main(void) {
    printf("%d\n", f(10));
    printf("%d\n", g(1));
    printf("%d\n", g(5));
    printf("%d %d %d\n", h(5), h(-3), h(150));
    return 0;
}
