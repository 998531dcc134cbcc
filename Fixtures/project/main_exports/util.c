#include <stdio.h>
void log_line(const char *s);            /* defined in main.c */
void work(void) { log_line("working"); }
