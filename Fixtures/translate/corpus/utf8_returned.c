// translate: a non-ASCII word returned by a function and printed, measured (strlen counts bytes)
// and walked byte by byte, in a program otherwise plain enough for the idiomatic tier: C handles
// the UTF-8 bytes one by one, so must the Rust (no re-encoding of each byte as a character)
// exit: 0
#include <stdio.h>
#include <string.h>

static const char *greet(int formal) { return formal ? "bonjour" : "café"; }

int main(void) {
    const char *w = greet(0);
    printf("%s %zu\n", w, strlen(w));
    int high = 0;
    for (size_t i = 0; i < strlen(w); i++)
        if ((unsigned char)w[i] >= 0x80) high++;
    printf("%s has %d bytes outside ASCII\n", greet(0), high);
    printf("%s\n", greet(1));
    return 0;
}
