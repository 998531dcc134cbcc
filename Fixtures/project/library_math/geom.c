// Math functions called from a module of the library crate. The Rust toolchain carries its own
// copies of some (cbrt, sqrt, fmod in compiler_builtins), which the linker met before the C
// library's libm: `cbrt(27)` printed 3 instead of glibc's 3.0000000000000004, and `sqrt(-1)`
// left errno 0. A large table that lives in a thread-local cell is laid out as a constant: built
// on first use, the 2 MiB table overflowed the main thread's stack.
#include <errno.h>
#include <math.h>

static unsigned long long pascal[512][512];

double edge(double volume) { return cbrt(volume); }

int root_errno(double x) {
    errno = 0;
    volatile double r = sqrt(x);
    (void)r;
    return errno;
}

unsigned long long choose(int n, int k) {
    if (pascal[0][0] == 0) {
        for (int i = 0; i < 512; i++) {
            pascal[i][0] = 1;
            for (int j = 1; j <= i; j++) pascal[i][j] = pascal[i - 1][j - 1] + pascal[i - 1][j];
        }
    }
    return pascal[n][k];
}
