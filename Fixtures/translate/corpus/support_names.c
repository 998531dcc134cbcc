// translate: C globals named as the translation's own support code names its bindings: a
// `jmp_buf env` next to setjmp's helper, `buf`, `format`, `value` and `place` next to the
// variadic and cleanup helpers (rustc rejected each: a binding may not shadow a static); and
// with longjmp in the program (functions are `extern "C-unwind"`), the C library's `malloc`
// and `free` kept in function pointers, as allocator hooks are (cJSON's, rejected as a cast
// between ABIs).
// exit: 3
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;
static char buf[64];
static const char *format = "%s=%d";
static int value = 3;
static int place;
static int result;
static void *(*alloc_fn)(size_t) = malloc;
static void (*free_fn)(void *) = free;

static void note(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    printf("note: %s\n", buf);
}

static void release(char **p) {
    place++;
    free_fn(*p);
}

static void fail(int code) {
    note(format, "fail", code);
    longjmp(env, code);
}

static int attempt(int n) {
    __attribute__((cleanup(release))) char *scratch = alloc_fn(16);
    strcpy(scratch, "scratch");
    note("%s %d", scratch, n);
    return n * value;
}

int main(void) {
    result = attempt(2);
    if (setjmp(env) == 0) {
        fail(value);
    } else {
        result += value;
    }
    printf("result %d, cleanups %d, last note \"%s\"\n", result, place, buf);
    return value;
}
