// translate: pointers to constant records that only point into immutable statics, as C programs
// use them: a hand-written vtable (`const struct codec_ops *ops`) chosen by name from a constant
// table and stored in a record, a lookup that returns `&table[i]` or NULL, a default options
// record reached through a global pointer, pointers compared by address (`c->ops == &rle_ops`)
// and tested against NULL. Each `const T *` is an `Option<&'static T>`; no function needs unsafe.
// safe: identity_len rle_len count_runs codec_find codec_open codec_cost options_or_default describe main_0
// exit: 0
#include <stdio.h>
#include <string.h>

struct codec_ops {
    const char *name;
    int (*encoded_len)(int length, int runs);
    int cost;
};

struct options {
    int level;
    int verbose;
};

struct codec {
    const struct codec_ops *ops;
    const struct options *opts;
    int uses;
};

static int identity_len(int length, int runs) { (void)runs; return length; }

static int rle_len(int length, int runs) { return length < 2 * runs ? length : 2 * runs; }

static int count_runs(const char *s, int n) {
    int runs = 0;
    for (int i = 0; i < n; i++)
        if (i == 0 || s[i] != s[i - 1]) runs++;
    return runs;
}

static const struct codec_ops identity_ops = {"identity", identity_len, 1};
static const struct codec_ops rle_ops = {"rle", rle_len, 3};
static const struct codec_ops table[] = {
    {"copy", identity_len, 1},
    {"runs", rle_len, 2},
};
static const struct options fast = {1, 0};
static const struct options careful = {9, 1};
static const struct options *default_options = &fast;

static const struct codec_ops *codec_find(const char *name) {
    if (strcmp(name, "identity") == 0) return &identity_ops;
    if (strcmp(name, "rle") == 0) return &rle_ops;
    for (int i = 0; i < 2; i++)
        if (strcmp(table[i].name, name) == 0) return &table[i];
    return NULL;
}

static void codec_open(struct codec *c, const struct codec_ops *ops, const struct options *opts) {
    c->ops = ops;
    c->opts = opts;
    c->uses = 0;
}

static int codec_cost(struct codec *c, const char *s) {
    c->uses++;
    int n = (int)strlen(s);
    return c->ops->encoded_len(n, count_runs(s, n)) * c->ops->cost * c->opts->level;
}

static const struct options *options_or_default(const struct options *o) { return o ? o : default_options; }

static void describe(const struct codec *c) {
    printf("%-8s level=%d verbose=%d uses=%d%s\n", c->ops->name, c->opts->level, c->opts->verbose, c->uses,
           c->ops == &rle_ops ? " (the rle codec)" : "");
}

int main(void) {
    const char *names[] = {"identity", "rle", "runs", "copy", "zip"};
    const char *input = "aaabccddddde";
    struct codec codecs[4];
    int n = 0;
    for (int i = 0; i < 5; i++) {
        const struct codec_ops *ops = codec_find(names[i]);
        if (!ops) {
            printf("%s: no such codec\n", names[i]);
            continue;
        }
        codec_open(&codecs[n], ops, options_or_default(i % 2 ? &careful : NULL));
        n++;
    }
    for (int i = 0; i < n; i++) {
        int cost = codec_cost(&codecs[i], input);
        cost += codec_cost(&codecs[i], "xyz");
        printf("%s costs %d\n", codecs[i].ops->name, cost);
        describe(&codecs[i]);
    }
    const struct codec_ops *first = codec_find("copy"), *again = &table[0];
    printf("same entry: %d, same as identity: %d\n", first == again, first == codec_find("identity"));
    return 0;
}
