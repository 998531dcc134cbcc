// translate: a command line read the way small tools read it: options by their first characters
// (argv[i][0] == '-', a switch on argv[i][1] with fall-through), numbers in any base through
// strtol(argv[i], NULL, base) and atoi, words compared with strcmp and measured with strlen, all
// printed back; argv is only read, so it is a table of the arguments' bytes
// args: -x 0x1f -o 17 -d 42 stop-not -v 101 stop 99
// exit: 4
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    int base = 10, verbose = 0, count = 0;
    long total = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && strlen(argv[i]) == 2) {
            switch (argv[i][1]) {
            case 'v':
                verbose++;
                /* fall through */
            case 'd':
                base = 10;
                break;
            case 'o':
                base = 8;
                break;
            case 'x':
                base = 16;
                break;
            default:
                printf("unknown option %s\n", argv[i]);
            }
            continue;
        }
        if (strcmp(argv[i], "stop") == 0) {
            printf("stop at %d of %d\n", i, argc - 1);
            break;
        }
        long v = strtol(argv[i], NULL, base);
        total += v;
        count++;
        if (verbose) printf("%-8s base %2d -> %ld (atoi %d)\n", argv[i], base, v, atoi(argv[i]));
    }
    printf("count=%d total=%ld verbose=%d\n", count, total, verbose);
    return count > 4 ? 4 : count;
}
