// translate: functions that build a heap buffer and hand it to their caller, as C libraries
// do: a string repeated and joined with strcat, digits of a big number added and multiplied
// (memmove to drop leading zeros, calloc'd scratch), a wrapper that returns another's buffer
// (`return big_mul(a, b);`), a caller that keeps each result in a local and frees it, then
// reuses the local, and Fibonacci numbers as strings shuffled with `free(a); a = b; b = c;`.
// Each buffer is a Vec the producer returns and the caller's local owns; `a = b` is a move
// (`b` is read no more before its next value): no unsafe. A producer that returns NULL for bad
// input (`digits`, and `checked_add` that hands on its NULL) returns `Option<Vec<T>>`; the
// caller's local keeps a flag that says whether C's pointer is NULL.
// safe: repeat big_add big_mul square factorial digits checked_add main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *repeat(const char *s, int times) {
    char *out = malloc(strlen(s) * times + 1);
    if (!out)
        return NULL;
    out[0] = '\0';
    for (int i = 0; i < times; i++)
        strcat(out, s);
    return out;
}

static char *big_add(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    size_t n = (la > lb ? la : lb) + 1;
    char *r = malloc(n + 1);
    int carry = 0;
    size_t k = n;
    r[n] = '\0';
    while (la > 0 || lb > 0 || carry) {
        int s = carry;
        if (la > 0) s += a[--la] - '0';
        if (lb > 0) s += b[--lb] - '0';
        r[--k] = (char)('0' + s % 10);
        carry = s / 10;
    }
    if (k > 0)
        memmove(r, r + k, n - k + 1);
    return r;
}

static char *big_mul(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    int *acc = calloc(la + lb, sizeof(int));
    char *r = malloc(la + lb + 1);
    for (size_t i = la; i-- > 0;)
        for (size_t j = lb; j-- > 0;) {
            acc[i + j + 1] += (a[i] - '0') * (b[j] - '0');
            acc[i + j] += acc[i + j + 1] / 10;
            acc[i + j + 1] %= 10;
        }
    size_t start = 0;
    while (start + 1 < la + lb && acc[start] == 0)
        start++;
    for (size_t i = start; i < la + lb; i++)
        r[i - start] = (char)('0' + acc[i]);
    r[la + lb - start] = '\0';
    free(acc);
    return r;
}

static char *square(const char *a) { return big_mul(a, a); }

static char *factorial(int n) {
    char *f = malloc(2);
    strcpy(f, "1");
    char buf[16];
    for (int i = 2; i <= n; i++) {
        snprintf(buf, sizeof buf, "%d", i);
        char *t = big_mul(f, buf);
        free(f);
        f = t;
    }
    return f;
}

static int *digits(const char *s, int *count) {
    int n = (int)strlen(s);
    int *d = malloc((n + 1) * sizeof *d);
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            free(d);
            return NULL;
        }
        d[i] = s[i] - '0';
    }
    *count = n;
    return d;
}

static char *checked_add(const char *a, const char *b) {
    int n;
    int *da = digits(a, &n);
    if (da == NULL) return NULL;
    free(da);
    int *db = digits(b, &n);
    if (!db) return NULL;
    free(db);
    return big_add(a, b);
}

int main(void) {
    char *s = repeat("ab", 3);
    printf("%s (%zu)\n", s, strlen(s));
    free(s);
    s = repeat("-", 10);
    printf("%s\n", s);
    free(s);

    s = big_add("99999999999999999999", "1");
    printf("%s\n", s);
    free(s);
    s = square("12345678901234567890");
    printf("%s\n", s);
    free(s);
    s = factorial(30);
    printf("30! = %s\n", s);
    free(s);

    int n = 0;
    int *d = digits("31415", &n);
    printf("%d digits, sum %d\n", n, d[0] + d[1] + d[2] + d[3] + d[4]);
    free(d);
    d = digits("3.14", &n);
    printf("3.14 is %s\n", d ? "digits" : "not digits");
    free(d);
    char *t = checked_add("123", "877");
    if (t)
        printf("%s\n", t);
    else
        printf("(bad)\n");
    free(t);
    t = checked_add("12a", "1");
    if (t == NULL)
        printf("(bad)\n");
    else
        printf("%s\n", t);
    free(t);

    char *a = malloc(2), *b = malloc(2);
    strcpy(a, "0");
    strcpy(b, "1");
    for (int i = 0; i < 90; i++) {
        char *c = big_add(a, b);
        free(a);
        a = b;
        b = c;
    }
    printf("fib(90) = %s, fib(91) = %s\n", a, b);
    free(a);
    free(b);
    return 0;
}
