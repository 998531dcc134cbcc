// translate: reverse-Polish calculator that evaluates its command-line arguments
// args: 3 4 + 2 * 10 5 - 3 % -
// exit: 0
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STACK_MAX 32

enum kind { NUMBER, OPERATOR, UNKNOWN };

enum kind classify(const char *tok) {
    if (strcmp(tok, "+") == 0 || strcmp(tok, "-") == 0 || strcmp(tok, "*") == 0
        || strcmp(tok, "/") == 0 || strcmp(tok, "%") == 0)
        return OPERATOR;
    size_t len = strlen(tok);
    if (len == 0)
        return UNKNOWN;
    for (size_t i = 0; i < len; i++) {
        int c = tok[i];
        if (!isdigit(c))
            return UNKNOWN;
    }
    return NUMBER;
}

int main(int argc, char **argv) {
    int stack[STACK_MAX];
    int top = 0;
    int ops = 0;
    for (int i = 1; i < argc; i++) {
        enum kind k = classify(argv[i]);
        if (k == NUMBER) {
            if (top == STACK_MAX) {
                fprintf(stderr, "stack overflow\n");
                return 2;
            }
            stack[top] = atoi(argv[i]);
            top++;
        } else if (k == OPERATOR) {
            if (top < 2) {
                fprintf(stderr, "stack underflow at %s\n", argv[i]);
                return 2;
            }
            int b = stack[top - 1];
            int a = stack[top - 2];
            top -= 2;
            int r = 0;
            if (strcmp(argv[i], "+") == 0) {
                r = a + b;
            } else if (strcmp(argv[i], "-") == 0) {
                r = a - b;
            } else if (strcmp(argv[i], "*") == 0) {
                r = a * b;
            } else {
                if (b == 0) {
                    fprintf(stderr, "division by zero\n");
                    return 2;
                }
                if (strcmp(argv[i], "/") == 0)
                    r = a / b;
                else
                    r = a % b;
            }
            printf("%d %s %d = %d\n", a, argv[i], b, r);
            stack[top] = r;
            top++;
            ops++;
        } else {
            fprintf(stderr, "unknown token: %s\n", argv[i]);
            return 2;
        }
    }
    if (top != 1) {
        fprintf(stderr, "expected one result, stack has %d\n", top);
        return 2;
    }
    printf("operations: %d\n", ops);
    printf("result: %d\n", stack[0]);
    return 0;
}
