#include <stdio.h>
int twice(int x);
int four(int x);
int main(void) { printf("%d %d\n", twice(21), four(1)); return 0; }
