// probe: v04_flex, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
struct Buf { int len; char data[]; };
struct Node { int key; struct { int a, b; } pair; };
#define container_of(p, T, m) ((T *)((char *)(p) - offsetof(T, m)))
int main(void) {
    struct Buf *b = malloc(sizeof *b + 10);
    b->len = 5; memcpy(b->data, "hello", 6);
    printf("%d %s %zu\n", b->len, b->data, sizeof *b);
    free(b);
    struct Node n = {7, {1, 2}};
    int *pa = &n.pair.b;
    struct Node *back = container_of(pa - 1, struct Node, pair);
    printf("%d\n", back->key);
    union U { int i; float f; char c[4]; } u = {.f = 1.0f};
    printf("%x\n", u.i);
    union U u2 = {65}; printf("%c\n", u2.c[0]);
    return 0;
}
