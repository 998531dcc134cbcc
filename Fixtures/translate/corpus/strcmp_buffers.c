// translate: strcmp of two char arrays stops at the NUL, whatever follows it in the arrays
// exit: 0
#include <stdio.h>
#include <string.h>

int main(void) {
    char a[16] = "same", b[16] = "same";
    b[10] = 'x';   /* after the NUL: not part of the string */
    char c[16] = "samf";
    printf("%d %d\n", strcmp(a, b) == 0, strcmp(a, c) < 0);
    return 0;
}
