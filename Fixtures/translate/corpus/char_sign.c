// translate: plain char is signed here: a negative value stored in a char array reads back
// negative, and a sign test of it says so
// exit: 0
#include <stdio.h>

int main(void) {
    char s[4];
    int v = -23;
    s[0] = v;
    s[1] = 100;
    int negatives = 0;
    for (int i = 0; i < 2; i++)
        if (s[i] < 0) negatives++;
    printf("%d %d %d\n", negatives, s[0], s[1]);
    return 0;
}
