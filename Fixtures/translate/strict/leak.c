// strict: leak -> compiles (Rust drops what C leaks: no rustc error to get)
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *counts = calloc(4, sizeof *counts);
    if (counts == NULL)
        return 1;
    counts[2] = 9;
    printf("%d\n", counts[2]);
    return 0;
}
