// translate: assignments inside conditions: while ((c = getchar()) != EOF), a[n++] = x, --p->refs == 0
// stdin: assign_in_cond.txt
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>

#define MAXNUMS 64

struct buffer {
    int refs;
    char *data;
};

static void release(struct buffer *p) {
    if (--p->refs == 0) {
        printf("buffer freed\n");
        free(p->data);
        free(p);
    } else {
        printf("buffer still has %d ref(s)\n", p->refs);
    }
}

int main(void) {
    int c;
    int nums[MAXNUMS];
    int n = 0;
    int cur = 0, in_num = 0;
    int lines = 0, letters = 0;

    while ((c = getchar()) != EOF) {
        if (c == '\n')
            lines++;
        if (isalpha(c))
            letters++;
        if (isdigit(c)) {
            cur = cur * 10 + (c - '0');
            in_num = 1;
        } else if (in_num) {
            if (n < MAXNUMS)
                nums[n++] = cur;
            cur = in_num = 0;
        }
    }
    if (in_num && n < MAXNUMS)
        nums[n++] = cur;
    printf("lines=%d letters=%d numbers=%d\n", lines, letters, n);

    int sum = 0, i = 0, x;
    while (i < n && (x = nums[i++]) >= 0)
        sum += x;
    printf("sum=%d\n", sum);

    /* compact: keep only the even numbers, in place */
    int k = 0;
    for (int j = 0; j < n; j++)
        if (nums[j] % 2 == 0)
            nums[k++] = nums[j];
    printf("evens:");
    for (int j = 0; j < k; j++)
        printf(" %d", nums[j]);
    printf("\n");

    int max = 0, *p = nums, *end = nums + k;
    while (p < end)
        if (*p++ > max)
            max = p[-1];
    printf("max even=%d\n", max);

    int a, b;
    if ((a = n) > 3 && (b = a * 2) != 0)
        printf("a=%d b=%d\n", a, b);

    struct buffer *buf = malloc(sizeof *buf);
    if ((buf->data = malloc(16)) == NULL) {
        free(buf);
        return 1;
    }
    buf->refs = 3;
    release(buf);
    release(buf);
    release(buf);
    return 0;
}
