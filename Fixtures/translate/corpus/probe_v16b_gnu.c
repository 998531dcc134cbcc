// probe: v16b_gnu, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#define MAX(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define SWAP(x, y) do { __typeof__(x) _t = (x); (x) = (y); (y) = _t; } while (0)
_Static_assert(sizeof(int) == 4, "int");
int main(void) {
    int i = 3, j = 9;
    printf("%d\n", MAX(i++, j));
    SWAP(i, j); printf("%d %d\n", i, j);
    register int r = 5; const volatile int cv = 6; printf("%d\n", r + cv);
    int arr[] = {[0 ... 3] = 7, [4] = 1}; printf("%d %d\n", arr[2], arr[4]);
    return 0;
}
