// translate: global variables, file-scope statics, static locals that keep state between calls
// exit: 0
#include <stdio.h>

int total_calls = 0;            /* global, visible to other files */
static int errors;              /* file-scope, zero-initialised */
static const int limit = 5;
const char *program_name = "counter";
static double history[4];
static unsigned history_len;

static int next_id(void) {
    static int id = 100; /* initialised once */
    total_calls++;
    return id++;
}

static int running_average(int sample, double *avg) {
    static long sum;
    static int n;
    total_calls++;
    if (sample < 0) {
        errors++;
        return -1;
    }
    sum += sample;
    n++;
    *avg = (double)sum / n;
    if (history_len < sizeof history / sizeof history[0])
        history[history_len++] = *avg;
    return n;
}

static const char *ordinal(int n) {
    static char buf[16]; /* returned pointer stays valid */
    const char *suffix = "th";
    if (n % 100 < 11 || n % 100 > 13) {
        switch (n % 10) {
        case 1: suffix = "st"; break;
        case 2: suffix = "nd"; break;
        case 3: suffix = "rd"; break;
        }
    }
    snprintf(buf, sizeof buf, "%d%s", n, suffix);
    return buf;
}

void reset_stats(void) {
    errors = 0;
    history_len = 0;
}

int main(void) {
    printf("%s starting, limit %d\n", program_name, limit);
    for (int i = 0; i < 3; i++)
        printf("id %d\n", next_id());

    int samples[] = {10, 20, -5, 60, 0, -1, 35};
    double avg = 0;
    for (int i = 0; i < (int)(sizeof samples / sizeof samples[0]); i++) {
        int n = running_average(samples[i], &avg);
        if (n < 0)
            printf("sample %d rejected\n", samples[i]);
        else
            printf("%s sample -> average %.2f\n", ordinal(n), avg);
        if (errors >= limit)
            break;
    }
    printf("history:");
    for (unsigned i = 0; i < history_len; i++)
        printf(" %.1f", history[i]);
    printf("\nerrors=%d calls=%d\n", errors, total_calls);

    const int ords[] = {1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111, 112};
    for (int i = 0; i < 12; i++)
        printf("%s%c", ordinal(ords[i]), i == 11 ? '\n' : ' ');

    reset_stats();
    program_name = "counter(reset)";
    int id = next_id();   /* before the call: C leaves the order of arguments unspecified */
    printf("%s: errors=%d history=%u next id %d calls=%d\n", program_name, errors, history_len,
           id, total_calls);
    return 0;
}
