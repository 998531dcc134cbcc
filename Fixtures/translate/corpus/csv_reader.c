// translate: reads CSV rows from standard input with fgets, splits fields, sums a numeric column
// stdin: csv_reader.csv
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 256
#define MAX_FIELDS 8

/* Strip a trailing newline (and a carriage return, for DOS files). */
static void chomp(char *s) {
    char *nl = strchr(s, '\n');
    if (nl)
        *nl = '\0';
    size_t n = strlen(s);
    if (n > 0 && s[n - 1] == '\r')
        s[n - 1] = '\0';
}

static int split(char *line, char *fields[], int max) {
    int n = 0;
    char *tok = strtok(line, ",");
    while (tok != NULL && n < max) {
        fields[n++] = tok;
        tok = strtok(NULL, ",");
    }
    return n;
}

int main(void) {
    char line[MAX_LINE];
    char *fields[MAX_FIELDS];
    int qty_col = -1, price_col = -1, name_col = -1;
    int lineno = 0, rows = 0, bad = 0;
    long total_qty = 0;
    double revenue = 0.0;

    while (fgets(line, sizeof line, stdin) != NULL) {
        lineno++;
        chomp(line);
        if (line[0] == '\0' || line[0] == '#')
            continue;
        int nf = split(line, fields, MAX_FIELDS);
        if (qty_col < 0) {
            /* header row: find the columns by name */
            for (int i = 0; i < nf; i++) {
                if (strcmp(fields[i], "qty") == 0)
                    qty_col = i;
                else if (strcmp(fields[i], "price") == 0)
                    price_col = i;
                else if (strcmp(fields[i], "item") == 0)
                    name_col = i;
            }
            printf("header: %d fields, item=%d qty=%d price=%d\n", nf, name_col, qty_col, price_col);
            continue;
        }
        if (nf <= qty_col || nf <= price_col) {
            printf("line %d: only %d fields, skipped\n", lineno, nf);
            bad++;
            continue;
        }
        char *end;
        long q = strtol(fields[qty_col], &end, 10);
        if (*end != '\0') {
            printf("line %d: bad qty '%s'\n", lineno, fields[qty_col]);
            bad++;
            continue;
        }
        double p = atof(fields[price_col]);
        total_qty += q;
        revenue += q * p;
        rows++;
        printf("%-10s %4ld x %7.2f = %9.2f\n", fields[name_col], q, p, q * p);
    }
    printf("rows=%d bad=%d total_qty=%ld revenue=%.2f\n", rows, bad, total_qty, revenue);
    return 0;
}
