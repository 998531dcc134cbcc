// probe: u22_getline_sscanf, a program written to test one corner of C's semantics in translation
// exit: 4
// stdin: probe_u22_getline_sscanf.in
#include <stdio.h>
int main(void) {
    char buf[64]; int a, b; char op; int ok = 0;
    while (fgets(buf, sizeof buf, stdin)) {
        if (sscanf(buf, "%d %c %d", &a, &op, &b) != 3) { printf("bad: %s", buf); continue; }
        int r = op == '+' ? a + b : op == '-' ? a - b : op == '*' ? a * b : (b ? a / b : 0);
        printf("%d %c %d = %d\n", a, op, b, r); ok++;
    }
    return ok;
}
