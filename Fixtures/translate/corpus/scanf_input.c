// translate: scanf reading standard input the ways small programs read it: a count then that
// many numbers, signs and a `+`, a number too big for int (cut as glibc cuts it), %u of a
// negative, a literal separator ("%d,%d"), %c right after a number and " %c" after spaces, %*d
// to skip one, a width on %s, %f and %lf with exponents and a bare fraction, a letter where a
// number was expected (0 returned, the letter read next by getchar), and the loop
// `while (scanf("%d", &x) == 1)` ended by end of input (then -1)
// exit: 0
// stdin: scanf_input.in
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 2;
    long sum = 0;
    for (int i = 0; i < n; i++) {
        int v;
        if (scanf("%d", &v) != 1) return 3;
        sum += v;
    }
    printf("n=%d sum=%ld\n", n, sum);

    int big;
    unsigned u;
    long l;
    int a, b;
    printf("%d ", scanf("%d %u %ld", &big, &u, &l));
    printf("%d %u %ld\n", big, u, l);
    printf("%d ", scanf("%d,%d", &a, &b));
    printf("%d %d\n", a, b);

    char c1, c2;
    int k;
    printf("%d ", scanf("%d%c", &k, &c1));
    printf("%d [%c]\n", k, c1);
    printf("%d ", scanf(" %c", &c2));
    printf("[%c]\n", c2);

    int kept;
    printf("%d ", scanf("%*d %d", &kept));
    printf("%d\n", kept);

    char word[8];
    char rest[16];
    printf("%d ", scanf("%5s%15s", word, rest));
    printf("%s|%s\n", word, rest);

    float f;
    double d1, d2;
    printf("%d ", scanf("%f %lf %lf", &f, &d1, &d2));
    printf("%.6g %.17g %.17g\n", (double)f, d1, d2);

    int bad = 7;
    int got = scanf("%d", &bad);
    printf("%d %d ", got, bad);
    printf("%c\n", getchar());

    int x, count = 0;
    long total = 0;
    while (scanf("%d", &x) == 1) {
        total += x;
        count++;
    }
    printf("%d %ld %d\n", count, total, scanf("%d", &x));
    return 0;
}
