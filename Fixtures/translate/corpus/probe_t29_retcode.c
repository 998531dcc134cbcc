// probe: t29_retcode, a program written to test one corner of C's semantics in translation
// exit: 44
#include <stdio.h>
static int check(int x) { return x > 10; }
int main(int argc, char **argv) {
    (void)argv;
    int codes[3] = {0, 0, 0};
    for (int i = 0; i < 20; i++) codes[i % 3] += check(i);
    printf("%d %d %d\n", codes[0], codes[1], codes[2]);
    if (argc > 5) return 1;
    return 300;
}
