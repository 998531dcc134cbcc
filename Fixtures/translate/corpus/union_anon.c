// translate: tagged union of values whose union has anonymous struct members, plus type punning of bytes
// exit: 0
#include <stdio.h>
#include <string.h>
#include <stdint.h>

enum kind { K_INT, K_POINT, K_TEXT, K_RGBA };

struct value {
    enum kind kind;
    union {
        long i;
        struct {
            int x, y;
        }; /* anonymous: v.x, v.y */
        char text[12];
        struct {
            unsigned char r, g, b, a;
        };
    };
};

static void print_value(const struct value *v) {
    switch (v->kind) {
    case K_INT:
        printf("int %ld\n", v->i);
        break;
    case K_POINT:
        printf("point (%d, %d)\n", v->x, v->y);
        break;
    case K_TEXT:
        printf("text \"%s\"\n", v->text);
        break;
    case K_RGBA:
        printf("rgba #%02x%02x%02x%02x\n", v->r, v->g, v->b, v->a);
        break;
    }
}

static struct value make_point(int x, int y) {
    struct value v;
    v.kind = K_POINT;
    v.x = x;
    v.y = y;
    return v;
}

union word {
    uint32_t u;
    uint8_t bytes[4];
};

int main(void) {
    struct value vals[5];
    vals[0].kind = K_INT;
    vals[0].i = -123456789L;
    vals[1] = make_point(3, -4);
    vals[2].kind = K_TEXT;
    strcpy(vals[2].text, "hello");
    vals[3] = (struct value){.kind = K_RGBA, .r = 0xff, .g = 0x80, .b = 0x00, .a = 0x7f};
    vals[4] = vals[1];
    vals[4].x *= 10;

    for (int i = 0; i < 5; i++) {
        printf("[%d] ", i);
        print_value(&vals[i]);
    }

    /* reuse a slot for a different member: the tag changes with it */
    vals[1].kind = K_TEXT;
    snprintf(vals[1].text, sizeof vals[1].text, "%s-%d", "pt", 42);
    print_value(&vals[1]);

    long sum = 0;
    for (int i = 0; i < 5; i++) {
        if (vals[i].kind == K_POINT)
            sum += vals[i].x + vals[i].y;
        else if (vals[i].kind == K_INT)
            sum += vals[i].i % 1000;
    }
    printf("sum = %ld\n", sum);

    /* byte order via a union (little-endian hosts print 78 56 34 12) */
    union word w;
    w.u = 0x12345678u;
    printf("bytes: %02x %02x %02x %02x\n", w.bytes[0], w.bytes[1], w.bytes[2], w.bytes[3]);
    w.bytes[0] = 0xff;
    printf("u = 0x%08x\n", (unsigned)w.u);
    return 0;
}
