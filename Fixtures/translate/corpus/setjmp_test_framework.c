// translate: setjmp/longjmp as test frameworks use them (Unity's TEST_PROTECT, CuTest): a failed check jumps out of nested calls
// exit: 0
#include <stdio.h>
#include <setjmp.h>
#include <string.h>
/* A tiny test framework in the shape of Unity and CuTest: a failing assertion jumps out. */
static jmp_buf abort_frame;
static int failures = 0, run = 0;
static void check(int ok, const char *what) {
  if (!ok) { printf("  failed: %s\n", what); failures++; longjmp(abort_frame, 1); }
}
static int depth(int n) { if (n == 0) { check(0, "depth reached zero"); } return depth(n - 1) + 1; }
static void test_ok(void) { check(1 + 1 == 2, "arithmetic"); check(strlen("abc") == 3, "strlen"); }
static void test_fail(void) { check(2 * 2 == 5, "bad arithmetic"); printf("  not reached\n"); }
static void test_deep(void) { printf("  %d\n", depth(5)); }
static void run_test(void (*f)(void), const char *name) {
  run++;
  printf("%s\n", name);
  if (setjmp(abort_frame) == 0) {
    f();
    printf("  passed\n");
  } else {
    printf("  aborted\n");
  }
  if (!setjmp(abort_frame)) { printf("  teardown\n"); }
}
int main(void) {
  run_test(test_ok, "test_ok");
  run_test(test_fail, "test_fail");
  run_test(test_deep, "test_deep");
  printf("%d run, %d failed\n", run, failures);
  return failures != 2;
}
