// translate: snprintf and sprintf into local buffers and a buffer parameter: the text cut at the
// size with the whole length returned, a wide sprintf measured after; near miss: snprintf(NULL, 0)
// to measure keeps the C library
// exit: 0
#include <stdio.h>
#include <string.h>
static void label(char *out, int n, int id) { snprintf(out, (size_t)n, "item-%04d", id); }
int main(void) {
    char buf[16], small[6];
    int n = snprintf(buf, sizeof buf, "%s=%d %.2f", "pi", 3, 3.14159);
    printf("%d [%s]\n", n, buf);
    int m = snprintf(small, sizeof small, "%d-%d", 12345, 678);
    printf("%d [%s]\n", m, small);
    char big[64];
    sprintf(big, "%-6s|%5x|%c", buf, 255, 'z');
    printf("[%s] %zu\n", big, strlen(big));
    char name[12];
    label(name, sizeof name, 42);
    printf("%s %d\n", name, snprintf(NULL, 0, "%d", 123456));
    return 0;
}
