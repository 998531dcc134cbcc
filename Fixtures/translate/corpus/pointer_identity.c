// translate: pointers compared for identity, not for what they point to: two records with
// equal contents are still two records; a search that returns the matching element's address
// compared with each candidate; a pointer to an optional record passed as `c ? &x : NULL`
// exit: 0
#include <stdio.h>
#include <string.h>

struct user {
    char name[12];
    int level;
};

static const struct user *find(const struct user *users, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(users[i].name, name) == 0) return &users[i];
    return NULL;
}

static int level_or(const struct user *u, int fallback) { return u ? u->level : fallback; }

int main(void) {
    struct user a = {"ann", 3}, b = {"ann", 3};
    const struct user *pa = &a, *pb = &b, *again = &a;
    printf("%d %d %d\n", pa == pb, pa == again, pa != pb);
    struct user team[3] = {{"bo", 1}, {"cy", 2}, {"di", 5}};
    const struct user *hit = find(team, 3, "cy");
    for (int i = 0; i < 3; i++) printf("%s%s", team[i].name, &team[i] == hit ? "*" : "");
    printf("\n");
    for (int i = 0; i < 2; i++) printf("%d ", level_or(i ? &team[2] : NULL, -1));
    printf("%d\n", level_or(find(team, 3, "zz"), 0));
    return 0;
}
