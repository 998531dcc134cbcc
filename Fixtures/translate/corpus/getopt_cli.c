// translate: command-line tool parsing -n NUM, -v and -s SEP with getopt, then joining its operands
// args: -v -n 3 -s : -u alpha beta gamma
// exit: 0
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(const char *prog) {
    fprintf(stderr, "usage: %s [-v] [-u] [-n NUM] [-s SEP] WORD...\n", prog);
}

static void print_word(const char *w, int upper) {
    for (const char *p = w; *p; p++)
        putchar(upper ? toupper((unsigned char)*p) : *p);
}

int main(int argc, char *argv[]) {
    int verbose = 0;
    int upper = 0;
    long count = 1;
    const char *sep = " ";
    int opt;

    while ((opt = getopt(argc, argv, "vun:s:")) != -1) {
        switch (opt) {
        case 'v':
            verbose++;
            break;
        case 'u':
            upper = 1;
            break;
        case 'n': {
            char *end;
            count = strtol(optarg, &end, 10);
            if (*end != '\0' || count < 0) {
                fprintf(stderr, "bad count: %s\n", optarg);
                return 2;
            }
            break;
        }
        case 's':
            sep = optarg;
            break;
        default:
            usage(argv[0]);
            return 2;
        }
    }

    if (optind >= argc) {
        usage(argv[0]);
        return 2;
    }

    if (verbose) {
        printf("verbose=%d upper=%d count=%ld sep='%s'\n", verbose, upper, count, sep);
        printf("%d operand(s) starting at argv[%d]\n", argc - optind, optind);
    }

    size_t total = 0;
    for (long r = 0; r < count; r++) {
        for (int i = optind; i < argc; i++) {
            if (i > optind)
                fputs(sep, stdout);
            print_word(argv[i], upper);
            total += strlen(argv[i]);
        }
        putchar('\n');
    }
    if (verbose)
        printf("printed %zu letters\n", total);
    return 0;
}
