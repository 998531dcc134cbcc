// translate: atoi, atol, strtol, strtoul and strtoll with no end pointer, as glibc parses: spaces,
// signs, base prefixes for bases 0 and 16, octal, base 36, values past the range clamped (and
// strtoul's negation), empty and non-numeric strings; the program never reads errno, so these
// need no C library
// exit: 0
#include <stdio.h>
#include <stdlib.h>
static const char *inputs[] = {"123", "  -42abc", "0x1F", "077", "99999999999999999999", "-99999999999999999999", "zz", "", "+7", "\t\n 12", "0x", "0", "-0x8000000000000000", "18446744073709551615", "-1"};
int main(void) {
    for (int i = 0; i < 15; i++) {
        printf("%s: %d %ld %ld %ld %lu %lu %lld\n", inputs[i], atoi(inputs[i]), atol(inputs[i]), strtol(inputs[i], NULL, 0), strtol(inputs[i], NULL, 16),
               strtoul(inputs[i], NULL, 10), strtoul(inputs[i], NULL, 0), strtoll(inputs[i], NULL, 36));
    }
    char buf[] = "  2147483648";
    printf("%d %ld %ld\n", atoi(buf), strtol(buf, NULL, 8), strtol("101", NULL, 2));
    return 0;
}
