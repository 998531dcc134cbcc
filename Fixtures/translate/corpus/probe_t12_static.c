// probe: t12_static, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static int counter(void) { static int n = 0; return ++n; }
static int *stash(void) { static int arr[3] = {1, 2, 3}; return arr; }
static const char *names[] = {"zero", "one", "two", 0};
const int LIMIT = 3;
int global_arr[4];
extern int ext_var;
int ext_var = 17;
static int fib_memo(int n) {
    static long memo[50];
    if (n < 2) return n;
    if (memo[n]) return (int)memo[n];
    return (int)(memo[n] = fib_memo(n - 1) + fib_memo(n - 2));
}
int main(void) {
    for (int i = 0; i < 3; i++) printf("%d ", counter());
    printf("\n");
    int *p = stash(); p[1] = 20; printf("%d\n", stash()[1]);
    for (const char **q = names; *q; q++) printf("%s ", *q);
    printf("\n");
    for (int i = 0; i < LIMIT; i++) global_arr[i] = i * ext_var;
    printf("%d %d\n", global_arr[2], global_arr[3]);
    printf("%d\n", fib_memo(40));
    return 0;
}
