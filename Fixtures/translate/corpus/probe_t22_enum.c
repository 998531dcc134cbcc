// probe: t22_enum, a program written to test one corner of C's semantics in translation
#include <stdio.h>
enum Color { RED = -2, GREEN, BLUE = 5, CYAN, MAGENTA = RED + 10 };
typedef enum { A, B, C } Letter;
static const char *cname(enum Color c) {
    switch (c) {
    case RED: return "red";
    case GREEN: return "green";
    case BLUE: return "blue";
    case CYAN: return "cyan";
    default: return "other";
    }
}
int main(void) {
    printf("%d %d %d %d %d\n", RED, GREEN, BLUE, CYAN, MAGENTA);
    for (int i = -2; i < 9; i++) printf("%s ", cname((enum Color)i));
    printf("\n");
    enum Color c = BLUE; c++; printf("%d\n", c);
    Letter l = C; printf("%d\n", l * 10 + B);
    int arr[C + 1] = {[A] = 1, [C] = 3}; printf("%d %d %d\n", arr[0], arr[1], arr[2]);
    printf("%d\n", RED < 0u);
    enum Color e2 = (enum Color)100; printf("%s\n", cname(e2));
    printf("%zu\n", sizeof(enum Color));
    return 0;
}
