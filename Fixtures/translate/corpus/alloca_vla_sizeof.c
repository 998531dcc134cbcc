// translate: alloca blocks freed at return, sizeof(vla) in parentheses, a K&R declaration called before its definition
// exit: 0
#include <stdio.h>
#include <string.h>
#include <alloca.h>
int f(int n) {
  char *p = alloca(n + 1);
  memset(p, 'a', n); p[n] = 0;
  unsigned short vla[n + 2];
  memset(vla, 0xFF, sizeof(vla));
  return (int)strlen(p) + (int)sizeof(vla) + vla[n + 1];
}
int g();
int main(void) { int t = 0; for (int i = 0; i < 5; i++) t += f(i * 3); printf("%d %d\n", t, g(2, 3)); return 0; }
int g(int a, int b) { return a * 10 + b; }
