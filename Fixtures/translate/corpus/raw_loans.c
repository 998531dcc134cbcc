// Raw loans: objects that only raw pointers reach (a message allocated with its payload behind
// it, a slab of records carved from one buffer) are still lent to helpers that need no
// `unsafe`: the caller converts its pointer at the call (`m.as_mut()`, None for NULL), so the
// helpers take `Option<&mut T>`. Near misses keep raw pointers: two objects of one type lent
// mutably to one call (they may be the same), and a helper that reaches the payload behind.
// safe: msg_init msg_stamp msg_valid msg_total slot_touch
// unsafe: msg_copy_header msg_payload_sum main_0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct msg {
    unsigned id;
    unsigned len;
    unsigned flags;
    unsigned long stamp;
    unsigned char data[];
};

struct slot { int used; int hits; double load; };

static void msg_init(struct msg *m, unsigned id, unsigned len) {
    m->id = id;
    m->len = len;
    m->flags = 0;
    m->stamp = 0;
}

static void msg_stamp(struct msg *m, unsigned long now) {
    if (m == NULL) return;
    m->stamp = now * 1000 + m->id;
    m->flags |= 1u;
}

static int msg_valid(const struct msg *m) {
    return m != NULL && (m->flags & 1u) && m->len < 64;
}

static unsigned long msg_total(const struct msg *m, unsigned long acc) {
    return acc + m->len * 3ul + m->stamp % 7;
}

static void msg_copy_header(struct msg *dst, const struct msg *src) {
    dst->id = src->id;
    dst->flags = src->flags;
    dst->stamp = src->stamp;
}

static unsigned msg_payload_sum(const struct msg *m) {
    unsigned s = 0;
    for (unsigned i = 0; i < m->len; i++) s += m->data[i];
    return s;
}

static void slot_touch(struct slot *s, double w) {
    s->used = 1;
    s->hits++;
    s->load += w;
}

static struct msg *msg_new(unsigned id, const char *text) {
    unsigned len = (unsigned)strlen(text);
    struct msg *m = malloc(sizeof *m + len);
    if (!m) return NULL;
    msg_init(m, id, len);
    memcpy(m->data, text, len);
    return m;
}

int main(void) {
    const char *texts[] = {"alpha", "", "gamma delta", "z"};
    struct msg *msgs[4];
    for (int i = 0; i < 4; i++) msgs[i] = msg_new(10u + (unsigned)i, texts[i]);
    unsigned long total = 0;
    for (int i = 0; i < 4; i++) {
        if (i != 1) msg_stamp(msgs[i], (unsigned long)i);
        msg_stamp(i == 3 ? NULL : msgs[i], 5);
        printf("msg %u len %u valid %d sum %u\n", msgs[i]->id, msgs[i]->len, msg_valid(msgs[i]), msg_payload_sum(msgs[i]));
        total = msg_total(msgs[i], total);
    }
    msg_copy_header(msgs[0], msgs[2]);
    msg_copy_header(msgs[3], msgs[3]);
    printf("copied %u %lu %u, total %lu, none valid %d\n", msgs[0]->id, msgs[0]->stamp, msgs[3]->flags, total, msg_valid(NULL));

    /* A slab: records carved out of one allocation, reached by raw pointers. */
    char *slab = calloc(4, sizeof(struct slot));
    struct slot *slots = (struct slot *)slab;
    for (int k = 0; k < 10; k++) slot_touch(&slots[k % 4], k * 0.5);
    struct slot *busiest = slots;
    for (int k = 1; k < 4; k++) if (slots[k].load > busiest->load) busiest = &slots[k];
    slot_touch(busiest, 1.25);
    for (int k = 0; k < 4; k++) printf("slot %d: %d %d %.2f\n", k, slots[k].used, slots[k].hits, slots[k].load);
    free(slab);
    for (int i = 0; i < 4; i++) free(msgs[i]);
    return 0;
}
