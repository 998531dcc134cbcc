// probe: t15_structval, a program written to test one corner of C's semantics in translation
#include <stdio.h>
#include <string.h>
struct V { int a[3]; double d; char tag; };
static struct V make(int k) { struct V v; memset(&v, 0, sizeof v); for (int i = 0; i < 3; i++) v.a[i] = k + i; v.d = k / 2.0; v.tag = 'a' + k; return v; }
static struct V twice(struct V v) { for (int i = 0; i < 3; i++) v.a[i] *= 2; v.d *= 2; return v; }
static void show(const struct V *v) { printf("%d %d %d %.2f %c\n", v->a[0], v->a[1], v->a[2], v->d, v->tag); }
int main(void) {
    struct V x = make(3);
    struct V y = twice(x);
    show(&x); show(&y);
    struct V z = x; z.a[0] = 100; show(&x); show(&z);
    struct V arr[2]; arr[0] = y; arr[1] = make(1); show(&arr[1]);
    struct V w; memcpy(&w, &arr[0], sizeof w); show(&w);
    memmove(&arr[1], &arr[0], sizeof arr[0]); show(&arr[1]);
    printf("%d\n", make(7).a[2]);
    printf("%d\n", memcmp(&arr[0], &arr[1], sizeof arr[0]) == 0);
    struct V *pz = &z; *pz = twice(*pz); show(pz);
    return 0;
}
