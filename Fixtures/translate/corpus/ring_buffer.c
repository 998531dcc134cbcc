// translate: fixed-capacity ring buffer of ints with wrap-around head/tail and overwrite mode
// exit: 0
#include <stdio.h>
#include <stdbool.h>

#define RB_CAP 5

typedef struct {
    int data[RB_CAP];
    unsigned head; /* next slot to read */
    unsigned tail; /* next slot to write */
    unsigned len;
} ringbuf_t;

static void rb_init(ringbuf_t *rb) {
    rb->head = rb->tail = rb->len = 0;
}

static bool rb_push(ringbuf_t *rb, int v) {
    if (rb->len == RB_CAP)
        return false;
    rb->data[rb->tail] = v;
    rb->tail = (rb->tail + 1) % RB_CAP;
    rb->len++;
    return true;
}

/* Push, dropping the oldest element when full. */
static void rb_push_overwrite(ringbuf_t *rb, int v) {
    if (rb->len == RB_CAP) {
        rb->head = (rb->head + 1) % RB_CAP;
        rb->len--;
    }
    rb_push(rb, v);
}

static bool rb_pop(ringbuf_t *rb, int *out) {
    if (rb->len == 0)
        return false;
    *out = rb->data[rb->head];
    rb->head = (rb->head + 1) % RB_CAP;
    rb->len--;
    return true;
}

static void rb_print(const ringbuf_t *rb) {
    printf("[");
    for (unsigned i = 0; i < rb->len; i++) {
        if (i)
            printf(", ");
        printf("%d", rb->data[(rb->head + i) % RB_CAP]);
    }
    printf("] head=%u tail=%u len=%u\n", rb->head, rb->tail, rb->len);
}

int main(void) {
    ringbuf_t rb;
    int v;

    rb_init(&rb);
    for (int i = 1; i <= 7; i++) {
        if (!rb_push(&rb, i * 10))
            printf("push %d: full\n", i * 10);
    }
    rb_print(&rb);

    for (int i = 0; i < 3; i++) {
        if (rb_pop(&rb, &v))
            printf("pop -> %d\n", v);
    }
    rb_print(&rb);

    rb_push(&rb, 60);
    rb_push(&rb, 70);
    rb_print(&rb);

    for (int i = 8; i <= 12; i++)
        rb_push_overwrite(&rb, i * 10);
    rb_print(&rb);

    int sum = 0;
    while (rb_pop(&rb, &v))
        sum += v;
    printf("drained sum=%d\n", sum);
    rb_print(&rb);
    if (!rb_pop(&rb, &v))
        printf("pop on empty fails\n");
    return 0;
}
