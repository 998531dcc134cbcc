// translate: memset over local arrays as people write it: a whole int array to -1 and to 0, a
// char buffer filled with spaces up to a computed length, the first elements only, doubles
// cleared, a histogram reset in a loop, and memset's result used; near misses that keep the C
// library: a struct (memset clears its padding too), a count that splits an element, an array
// reached through a pointer
// exit: 0
#include <stdio.h>
#include <string.h>

struct rec { char tag; int value; };

static void clear(int *p, int n) { memset(p, 0, (size_t)n * sizeof *p); }

int main(void) {
    int a[6];
    memset(a, -1, sizeof a);
    printf("%d %d\n", a[0], a[5]);
    memset(a, 0, sizeof(a));
    printf("%d %d\n", a[0], a[5]);
    unsigned short u[4];
    memset(u, 0x12, sizeof u);
    printf("%u %u\n", u[0], u[3]);
    char line[32];
    int width = 7;
    memset(line, ' ', (size_t)width);
    line[width] = '\0';
    printf("[%s]\n", line);
    long big[5] = {1, 2, 3, 4, 5};
    memset(big, 0, 2 * sizeof big[0]);
    printf("%ld %ld %ld\n", big[0], big[1], big[2]);
    double d[3] = {1.5, 2.5, 3.5};
    memset(d, 0, sizeof d);
    printf("%.1f %.1f\n", d[0], d[2]);
    int hist[10];
    const char *text = "hello world";
    for (int round = 0; round < 2; round++) {
        memset(hist, 0, sizeof hist);
        for (const char *p = text; *p; p++) hist[*p % 10]++;
        printf("%d %d\n", hist[round], hist[8]);
    }
    char *end = memset(line, '-', 3);
    printf("%s %c\n", line, end[1]);
    /* near misses */
    struct rec r;
    memset(&r, 0, sizeof r);
    printf("%d %d\n", r.tag, r.value);
    int odd[2];
    memset(odd, 0, sizeof odd);
    memset(odd, 1, 6);
    printf("%d %d\n", odd[0], odd[1]);
    clear(a, 3);
    printf("%d\n", a[2]);
    return 0;
}
