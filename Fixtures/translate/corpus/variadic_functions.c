// translate: variadic functions defined in the program (va_start, va_arg of int, double; va_copy) and the vprintf family (vfprintf, vsnprintf with * width and precision, length modifiers)
// exit: 0
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
static int total(int n, ...) {
  va_list ap; va_start(ap, n);
  int s = 0;
  for (int i = 0; i < n; i++) s += va_arg(ap, int);
  va_end(ap);
  return s;
}
static void logf_(FILE *f, const char *fmt, ...) {
  va_list ap; va_start(ap, fmt);
  fprintf(f, "[log] "); vfprintf(f, fmt, ap); va_end(ap);
}
static double avg(const char *label, int n, ...) {
  va_list ap, cp; va_start(ap, n); va_copy(cp, ap);
  double s = 0; for (int i = 0; i < n; i++) s += va_arg(ap, double);
  const char *first = n ? (va_arg(cp, double), label) : "none";
  va_end(cp); va_end(ap);
  printf("%s %s\n", label, first);
  return n ? s / n : 0;
}
static int fmt(char *buf, size_t n, const char *f, ...) {
  va_list ap; va_start(ap, f); int r = vsnprintf(buf, n, f, ap); va_end(ap); return r;
}
int main(void) {
  char b[32];
  printf("%d %d\n", total(3, 1, 2, 3), total(0));
  logf_(stdout, "%s=%5.2f %-4d|%x %c %lu %lld %p%%\n", "pi", 3.14159, 42, 255u, 'z', (unsigned long)1 << 40, -7LL, (void*)0);
  printf("%.3f\n", avg("avg", 3, 1.0, 2.5, (double)3.25f));
  int r = fmt(b, 8, "%*d|%.*s", 6, 12, 3, "abcdef");
  printf("%d [%s]\n", r, b);
  short sh = -3; unsigned char uc = 250;
  logf_(stdout, "%hd %hhu %zu %s\n", sh, uc, strlen("hello"), "end");
  return 0;
}
