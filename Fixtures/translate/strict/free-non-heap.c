// strict: free-non-heap -> rustc E0308 (free takes a Box, not a reference)
#include <stdlib.h>

int main(void) {
    int x = 1;
    int *p = &x;
    free(p);
    return 0;
}
