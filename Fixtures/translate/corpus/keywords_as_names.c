// translate: C identifiers that are Rust keywords or reserved names: self, Self, crate, type, match, fn, loop, mod, impl
// exit: 0
#include <stdio.h>
#include <string.h>

struct impl {
    int type;
    const char *match;
    int loop;
};

typedef struct Self {
    struct Self *self;
    int mod;
    char crate[8];
} Self;

typedef int (*fn)(int, int);

static int mod(int a, int b) {
    int r = a % b;
    return r < 0 ? r + b : r;
}

static int loop(int n) {
    int total = 0;
    for (int i = 0; i < n; i++)
        total += i;
    return total;
}

static const char *match(const struct impl *impl, const char *pattern) {
    return strcmp(impl->match, pattern) == 0 ? "yes" : "no";
}

static int apply(fn f, int a, int b) { return f(a, b); }

static int move(int where) { return where * 2; }

int main(void) {
    struct impl impl = {.type = 3, .match = "where", .loop = 4};
    int type = impl.type + 1;
    int fn_count = 0;
    int async = 7, await = 8, dyn = 9, ref = 10, use = 11, yield = 12;
    int trait = 1, pub = 2, mut = 3, let = 4, as = 5, in = 6, super = 13, box = 14;

    printf("type=%d impl.type=%d loop(impl.loop)=%d\n", type, impl.type, loop(impl.loop));
    printf("match(where)=%s match(there)=%s\n", match(&impl, "where"), match(&impl, "there"));

    Self self = {NULL, mod(-7, 3), "crate"};
    Self other = {&self, mod(17, 5), "extern"};
    self.self = &other;
    printf("self.mod=%d other.mod=%d self.self->crate=%s other.self->crate=%s\n", self.mod, other.mod,
           self.self->crate, other.self->crate);

    fn f = mod;
    fn_count++;
    printf("apply(mod, 10, 4)=%d fn_count=%d move(21)=%d\n", apply(f, 10, 4), fn_count, move(21));

    int unsafe = async + await + dyn + ref + use + yield;
    int where = trait + pub + mut + let + as + in + super + box;
    printf("unsafe=%d where=%d\n", unsafe, where);

    struct impl list[3] = {{1, "true", 0}, {2, "false", 1}, {3, "None", 2}};
    for (int loop = 0; loop < 3; loop++) {
        struct impl *self = &list[loop];
        printf("  impl[%d]: type=%d match=%s loop=%d\n", loop, self->type, self->match, mod(self->loop - 2, 3));
    }
    return 0;
}
