// strict: release-while-borrowed -> rustc E0502 (the buffer is reallocated while a reference into it lives)
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *buf = malloc(4 * sizeof *buf);
    if (buf == NULL)
        return 1;
    for (int i = 0; i < 4; i++)
        buf[i] = i * 10;
    int *third = &buf[2];
    buf = realloc(buf, 8 * sizeof *buf);
    if (buf == NULL)
        return 1;
    printf("%d\n", *third);
    free(buf);
    return 0;
}
