#include <stdio.h>
void work(void);
void log_line(const char *s) { printf("log: %s\n", s); }   /* used by util.c */
int main(void) { work(); return 0; }
