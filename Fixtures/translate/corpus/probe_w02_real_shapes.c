// probe: w02_real_shapes, shapes from zlib and lua: an extern array declared incomplete then defined, a string in braces, for headers whose body is a macro
#include <stdio.h>

extern const unsigned char table[];
static char name[] = { "probe.out" };

#define SET_ZERO(p) (*(p) = 0)
#define NEXT(p) ((p) + 1)

const unsigned char table[8] = { 1, 2, 4, 8, 16, 32, 64, 128 };

int main(void) {
    int values[6] = { 5, 4, 3, 2, 1, 0 };
    int *o = values;
    int sum = 0;
    for (; o < values + 3; o++)
        SET_ZERO(o);
    for (int i = 0; i < 6; i++) sum += values[i] * table[i];
    int *p = values;
    for (; p < values + 6; p = NEXT(p)) sum += *p;
    printf("%s %zu %d %u\n", name, sizeof name, sum, (unsigned)table[7]);
    return 0;
}
