// translate: __attribute__((cleanup)) (systemd's _cleanup_free_, jansson's json_auto_t): run in reverse order on every scope exit, return from a loop included
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
/* GCC's cleanup attribute, as jansson's json_auto_t and systemd's _cleanup_free_ use it. */
static int freed = 0;
static void free_charp(char **p) { if (*p) { printf("free %s\n", *p); free(*p); freed++; } }
static void say_bye(int *n) { printf("bye %d\n", *n); }
#define _cleanup_free_ __attribute__((cleanup(free_charp)))

static int find(const char *word, int stop) {
  _cleanup_free_ char *copy = strdup(word);
  int marker __attribute__((cleanup(say_bye))) = stop;
  for (int i = 0; i < 3; i++) {
    _cleanup_free_ char *round = malloc(8);
    snprintf(round, 8, "r%d", i);
    if (i == stop) return i * 10;        /* round, marker, copy: in that order */
  }
  return -1;
}

int main(void) {
  printf("%d\n", find("alpha", 1));
  printf("%d\n", find("beta", 7));
  printf("freed %d\n", freed);
  return 0;
}
