// translate: the address of an array member of a returned struct (strcmp(f().name, ...)), whose temporary lives to the end of the full expression
// exit: 0
#include <stdio.h>
#include <string.h>
typedef struct { char notation[8]; int n; } Move;
static Move make(const char *s) { Move m; strncpy(m.notation, s, 7); m.notation[7] = 0; m.n = (int)strlen(s); return m; }
typedef struct { Move inner; } Wrap;
static Wrap wrap(const char *s) { Wrap w = { make(s) }; return w; }
int main(void) {
  int same = strcmp(make("Le1").notation, "Le1") == 0;
  printf("%d %s %zu %d\n", same, make("xe100").notation, strlen(wrap("abc").inner.notation), make("q").n);
  return 0;
}
