// Parameters declared as arrays are the pointers C adjusts them to: `uint8_t hash[20]` is
// borrowed (mutably where the function writes it), a row parameter borrows rows, an array of
// strings borrows them. A varargs function's last named parameter given to va_start, and
// glibc's _unlocked stdio, keep their parameters borrowed (modelled, not unknown calls).
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

// expect param digest.hash borrowed mutable rust="&mut [u8]"
// expect param digest.block borrowed immutable rust="&[u8]"
void digest(uint8_t hash[20], const uint8_t block[64]) {
    for (int i = 0; i < 20; i++) hash[i] = block[i] ^ block[63 - i];
}

// expect param sum_rows.m borrowed immutable rust="&[[i32; 4]]"
int sum_rows(const int m[][4], int rows) {
    int s = 0;
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < 4; j++) s += m[i][j];
    return s;
}

// expect param longest.names borrowed immutable
size_t longest(const char *names[], int n) {
    size_t best = 0;
    for (int i = 0; i < n; i++) if (strlen(names[i]) > best) best = strlen(names[i]);
    return best;
}

// expect param log_line.fmt borrowed immutable
int log_line(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

// expect param count_lines.in borrowed mutable
int count_lines(FILE *in) {
    int c, n = 0;
    while ((c = fgetc_unlocked(in)) != EOF) if (c == '\n') n++;
    return n;
}
