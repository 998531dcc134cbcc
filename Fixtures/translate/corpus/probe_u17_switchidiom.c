// probe: u17_switchidiom, a program written to test one corner of C's semantics in translation
#include <stdio.h>
static const char *day(int d) {
    switch (d) {
    default: return "bad";
    case 0: return "sun";
    case 6: return "sat";
    case 1: case 2: case 3: case 4: case 5: return "weekday";
    }
}
static int score(char g) {
    int s;
    switch (g) { case 'A': s = 4; break; case 'B': s = 3; break; case 'C': s = 2; break; default: s = 0; }
    return s;
}
int main(void) {
    for (int i = -1; i < 8; i++) printf("%s ", day(i));
    printf("\n%d %d %d\n", score('A'), score('C'), score('Z'));
    int x = 3;
    switch (x) { case 1: printf("one\n"); break; case 3: { int y = x * x; printf("%d\n", y); break; } }
    switch (x) { }
    switch (x) default: printf("only default\n");
    return 0;
}
