// strict: mismatched-dealloc -> rustc E0308 (free takes a Box, not a File)
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 2)
        return 2;
    FILE *f = fopen(argv[1], "r");
    if (f == NULL)
        return 1;
    printf("%d\n", fgetc(f));
    free(f);
    return 0;
}
