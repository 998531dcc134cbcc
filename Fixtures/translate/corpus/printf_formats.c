// translate: printf as people use it: widths, flags, precisions, star arguments, every length
// modifier, %e %g %a, NaN and infinity, %p of NULL, puts/putchar/fputs, output to stderr, a
// report whose lines are built from a char array, and an exit() that must flush stdout
// exit: 3
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct row {
    char name[12];
    int qty;
    double price;
};

static void table(const struct row *rows, int n) {
    printf("%-12s|%6s|%10s\n", "item", "qty", "price");
    for (int i = 0; i < n; i++)
        printf("%-12.12s|%6d|%10.2f\n", rows[i].name, rows[i].qty, rows[i].price);
}

int main(void) {
    int values[] = {0, 7, -7, 255, -2147483647 - 1, 2147483647};
    for (unsigned i = 0; i < sizeof values / sizeof values[0]; i++) {
        int v = values[i];
        printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%x] [%#X] [%#o] [%u]\n", v, v, v, v, v, v, v, v, v, v, v);
    }
    long long big = -1234567890123LL;
    unsigned long long ubig = 18446744073709551615ULL;
    size_t sz = 4096;
    short sh = -3;
    unsigned char uc = 250;
    printf("%lld %llu %zu %hd %hhu %hhd %ld %lx\n", big, ubig, sz, sh, uc, (signed char)uc, (long)big, (unsigned long)ubig);
    double d[] = {0.0, -0.0, 1.0, 0.1, 2.5, 3.5, 123456.789, 1e-7, 6.02214076e23, 1.0 / 3.0};
    for (unsigned i = 0; i < sizeof d / sizeof d[0]; i++)
        printf("%f|%.0f|%.2f|%10.3f|%-10.1f|%e|%.2E|%g|%G|%#g|%a\n", d[i], d[i], d[i], d[i], d[i], d[i], d[i], d[i], d[i], d[i], d[i]);
    printf("%f %F %e %g %5.1f|%-6f|\n", INFINITY, -INFINITY, NAN, -INFINITY, NAN, INFINITY);
    int width = 8, prec = 3;
    printf("[%*d] [%-*d] [%.*f] [%*.*f]\n", width, 42, width, 42, prec, 3.14159265, width, prec, 2.71828);
    printf("[%c%c%c] [%5c] [%-3c] [%%] [%5s] [%.2s] [%s]\n", 'a', 'b', 'c', 'x', 'y', "abc", "abcdef", "");
    printf("%p %s\n", (void *)NULL, sizeof(void *) == 8 ? "64-bit" : "32-bit");
    int n = printf("%s=%d;", "count", 12345);
    printf(" printed %d bytes\n", n);
    puts("puts adds a newline");
    fputs("fputs does not", stdout);
    putchar('\n');
    fputc('!', stdout);
    putchar(10);
    fprintf(stderr, "to stderr: %d\n", 1);
    struct row rows[] = {{"apple", 3, 0.5}, {"a-very-long-name", 12, 1234.5}, {"kiwi", 0, 10.0}};
    table(rows, 3);
    char line[64];
    snprintf(line, sizeof line, "%s-%03d", "id", 7);
    printf("line=%s len=%zu\n", line, sizeof line);
    uint32_t u32 = 4000000000u;
    int64_t i64 = -5;
    printf("%u %lld %d\n", u32, (long long)i64, (int)(u32 >> 1));
    printf("no newline before exit");
    exit(3);
}
