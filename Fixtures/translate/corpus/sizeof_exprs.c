// translate: sizeof on types and expressions, size_t arithmetic and wrap-around, size_t m = -1 (LP64 host)
// exit: 0
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct packet {
    uint8_t kind;
    uint32_t length;
    uint16_t port;
};

struct header {
    char magic[4];
    uint16_t version;
    uint16_t count;
};

static size_t round_up(size_t n, size_t align) {
    return (n + align - 1) & ~(align - 1);
}

int main(void) {
    printf("char=%zu short=%zu int=%zu long=%zu long long=%zu\n", sizeof(char), sizeof(short),
           sizeof(int), sizeof(long), sizeof(long long));
    printf("float=%zu double=%zu pointer=%zu size_t=%zu\n", sizeof(float), sizeof(double),
           sizeof(void *), sizeof(size_t));
    printf("struct packet=%zu struct header=%zu\n", sizeof(struct packet), sizeof(struct header));

    int arr[10];
    double *dp = NULL;
    char msg[] = "hello";
    const char *ptr = msg;
    printf("arr=%zu arr[0]=%zu elems=%zu\n", sizeof arr, sizeof arr[0], sizeof arr / sizeof *arr);
    printf("*dp=%zu msg=%zu strlen=%zu ptr=%zu\n", sizeof *dp, sizeof msg, strlen(msg), sizeof ptr);
    printf("'a'=%zu (char)'a'=%zu 1+1L=%zu 1.0f=%zu\n", sizeof 'a', sizeof((char)'a'), sizeof(1 + 1L),
           sizeof 1.0f);

    int calls = 0;
    size_t s = sizeof(calls++); /* not evaluated */
    printf("sizeof(calls++)=%zu calls=%d\n", s, calls);

    size_t m = -1;
    printf("size_t m = -1 -> %zu, m + 1 = %zu, SIZE_MAX match: %d\n", m, m + 1, m == SIZE_MAX);

    size_t a = 3, b = 5;
    size_t diff = a - b;  /* wraps */
    printf("3 - 5 as size_t = %zu, back to long: %ld\n", diff, (long)diff);
    printf("b > a: %d, a - b > 0: %d\n", b > a, a - b > 0);

    for (size_t i = 0; i < 5; i++)
        printf("round_up(%zu, 8) = %zu\n", i * 7, round_up(i * 7, 8));

    /* filling from the top with an unsigned index counting down */
    printf("arr[3..1]:");
    for (size_t i = sizeof arr / sizeof arr[0]; i-- > 0;)
        arr[i] = (int)(i * i);
    for (size_t i = 3; i > 0; i--)
        printf(" %d", arr[i]);
    printf("\n");

    size_t n = 4;
    struct packet *pk = calloc(n, sizeof *pk);
    printf("calloc %zu packets = %zu bytes\n", n, n * sizeof *pk);
    ptrdiff_t span = &pk[3] - &pk[0];
    printf("span=%td bytes between=%td\n", span, (char *)&pk[3] - (char *)&pk[0]);
    free(pk);

    printf("offsets: kind=%zu length=%zu port=%zu\n", offsetof(struct packet, kind),
           offsetof(struct packet, length), offsetof(struct packet, port));
    return 0;
}
