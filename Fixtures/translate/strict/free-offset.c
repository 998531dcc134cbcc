// strict: free-offset -> rustc E0308 (free takes the Vec, not a slice into it)
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int *values = malloc(8 * sizeof *values);
    if (values == NULL)
        return 1;
    for (int i = 0; i < 8; i++)
        values[i] = i;
    printf("%d\n", values[3]);
    free(values + 1);
    return 0;
}
