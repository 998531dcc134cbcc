// translate: prefix tree over lowercase words with insert, lookup, prefix counting and sorted listing
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct trie {
    struct trie *child[26];
    int is_word;
    int count; /* words passing through this node */
};

static struct trie *trie_new(void) {
    return calloc(1, sizeof(struct trie));
}

static void trie_insert(struct trie *root, const char *word) {
    struct trie *t = root;
    for (; *word; word++) {
        int i = *word - 'a';
        if (t->child[i] == NULL)
            t->child[i] = trie_new();
        t = t->child[i];
        t->count++;
    }
    t->is_word = 1;
}

static const struct trie *trie_walk(const struct trie *t, const char *s) {
    while (t && *s)
        t = t->child[*s++ - 'a'];
    return t;
}

static int trie_contains(const struct trie *root, const char *word) {
    const struct trie *t = trie_walk(root, word);
    return t != NULL && t->is_word;
}

static void trie_list(const struct trie *t, char *buf, int depth) {
    if (t->is_word) {
        buf[depth] = '\0';
        printf("  %s\n", buf);
    }
    for (int i = 0; i < 26; i++) {
        if (t->child[i]) {
            buf[depth] = (char)('a' + i);
            trie_list(t->child[i], buf, depth + 1);
        }
    }
}

static void trie_free(struct trie *t) {
    if (!t)
        return;
    for (int i = 0; i < 26; i++)
        trie_free(t->child[i]);
    free(t);
}

int main(void) {
    const char *words[] = {"car", "cart", "carbon", "cat", "dog", "dot", "do", "care", "zebra"};
    struct trie *root = trie_new();
    char buf[32];

    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        trie_insert(root, words[i]);

    const char *queries[] = {"car", "ca", "do", "dots", "zebra", "zeb"};
    for (int i = 0; i < 6; i++)
        printf("%-6s %s\n", queries[i], trie_contains(root, queries[i]) ? "word" : "-");

    const char *prefixes[] = {"ca", "car", "d", "x"};
    for (int i = 0; i < 4; i++) {
        const struct trie *t = trie_walk(root, prefixes[i]);
        printf("prefix %-3s: %d words\n", prefixes[i], t ? t->count : 0);
    }

    printf("all words:\n");
    memset(buf, 0, sizeof buf);
    trie_list(root, buf, 0);
    trie_free(root);
    return 0;
}
