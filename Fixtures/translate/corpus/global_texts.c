// translate: program state kept in globals the way small tools keep it: a program name and a
// mode string that only ever point to literals (set, tested against NULL, printed with %s and
// %.2s, compared with strcmp, measured), a running mean in double globals and a float array
// of recent values, a static local double, an error message cleared to NULL. Near misses that
// stay `static mut`: a double whose address is taken, a char * global pointed at a buffer
// exit: 0
#include <stdio.h>
#include <string.h>

const char *program_name = "tally";
static const char *mode;                 /* NULL until set */
static const char *last_error = NULL;
static double total = 0.0, mean = -1.5;
static float recent[4] = {0.5f, -2.0f};
static unsigned count;
static double tracked = 1.0;             /* address taken below */
static char scratch[16];
static const char *where = "start";      /* later points at scratch */

static void set_mode(int verbose) { mode = verbose ? "verbose" : "quiet"; }

static int add(double v) {
    if (v < 0) {
        last_error = "negative sample";
        return -1;
    }
    static double largest = 0;
    if (v > largest) largest = v;
    total += v;
    count++;
    mean = total / count;
    recent[count % 4] = (float)v;
    last_error = NULL;
    printf("  largest so far %.1f\n", largest);
    return 0;
}

static void bump(double *p) { *p *= 2; }

int main(void) {
    printf("%s: mode %s\n", program_name, mode ? mode : "(unset)");
    set_mode(1);
    printf("%s: mode %s (%zu) %.2s\n", program_name, mode, strlen(mode), mode);
    double samples[] = {4, 10, -1, 7.5};
    for (int i = 0; i < 4; i++) {
        if (add(samples[i]) != 0) printf("error: %s\n", last_error);
        else printf("mean %.3f after %u, error %s\n", mean, count, last_error == NULL ? "none" : last_error);
    }
    for (int i = 0; i < 4; i++) printf("%.2f ", recent[i]);
    printf("\n");
    program_name = strcmp(mode, "verbose") == 0 ? "tally-v" : "tally-q";
    set_mode(0);
    printf("%s %s %d\n", program_name, mode, mode != NULL);

    bump(&tracked);
    strcpy(scratch, "scratch");
    where = scratch;
    printf("%.1f %s\n", tracked, where);
    return 0;
}
