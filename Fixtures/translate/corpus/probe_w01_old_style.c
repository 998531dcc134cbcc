// probe: w01_old_style, shapes seen in CRUST-bench's C: () definitions, array parameters used as pointers, an unprototyped function passed to atexit
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int calls;

int counter() { return ++calls; }

void bye() { printf("bye after %d calls\n", calls); }

static void fill(char ulid[27]) {
    char *tail = ulid + 10;
    memset(ulid, 'a', 10);
    memset(tail, '0', 16);
    ulid[26] = '\0';
}

static int sum(n, v) int n; short v; { return n * v; }

int main(void) {
    char id[27];
    atexit(bye);
    fill(id);
    counter();
    counter();
    printf("%s %d %d\n", id, counter(), sum(3, 7));
    return 0;
}
