// translate: errno reached through its address (`int *e = &errno`): the program keeps C's errno
// location and raw pointers (the near miss of the `cerrno` module, which serves a program that
// only reads and writes errno in place); a helper given the pointer still borrows it for the call
// safe: reset_through
// unsafe: main_0
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static void reset_through(int *e) { *e = 0; }

int main(void) {
    int *e = &errno;
    reset_through(e);
    double r = log(-1.0);
    printf("domain %d nan %d\n", errno == EDOM, isnan(r));
    *e = 0;
    printf("after reset %d\n", errno);
    long big = strtol("99999999999999999999999", NULL, 10);
    printf("range %d %ld\n", *e == ERANGE, big);
    return 0;
}
