// probe: u16_struct_pad, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <stddef.h>
struct A { char c; int i; char d; };
struct B { char c; char d; int i; };
struct C { double x; char c; };
struct D { char a[3]; short s; };
int main(void) {
    printf("%zu %zu %zu %zu\n", sizeof(struct A), sizeof(struct B), sizeof(struct C), sizeof(struct D));
    printf("%zu %zu %zu\n", offsetof(struct A, i), offsetof(struct A, d), offsetof(struct D, s));
    struct A arr[3];
    printf("%zu\n", sizeof arr);
    return 0;
}
