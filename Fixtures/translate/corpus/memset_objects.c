// translate: memset of whole objects and parts of arrays, strncpy and strncat into arrays in
// place: a struct with trailing padding zeroed (nothing reads its padding), an array of
// structs zeroed, a struct with a literal member zeroed (the member becomes NULL), a
// memset from an offset, strncpy that pads with NULs and one that
// leaves the buffer unterminated, strncat with a limit. Near misses that keep the C library:
// the value memset returns, a copy between rows of one matrix, a struct compared with memcmp (its padding is read), a memset of part of a struct, a
// strncpy whose count reads its destination
// exit: 0
#include <stdio.h>
#include <string.h>

struct sample {
    double value;
    int count;
    char unit;          /* 3 bytes of padding after this, then 0 */
};

struct entry {
    const char *name;   /* only literals or NULL */
    int score;
};

struct packet {
    unsigned short kind;
    unsigned int length;
};

struct pair { int a, b; };

static void show(const char *what, const struct sample *s) {
    printf("%s: %.1f %d [%c]\n", what, s->value, s->count, s->unit ? s->unit : '-');
}

static void near_misses(void);

int main(void) {
    struct sample s = {2.5, 3, 'k'};
    show("before", &s);
    memset(&s, 0, sizeof s);
    show("after", &s);

    struct sample many[3];
    memset(many, 0, sizeof many);
    many[1].count = 7;
    for (int i = 0; i < 3; i++) printf("%d ", many[i].count);
    printf("\n");

    struct entry e = {"first", 10};
    memset(&e, 0, sizeof(struct entry));
    printf("%s %d %d\n", e.name, e.score, e.name == NULL);
    e.name = "second";
    printf("%s %d\n", e.name, e.score);

    char line[12] = "abcdefghij";
    memset(line + 3, '-', 4);
    printf("%s\n", line);

    char fixed[8];
    memset(fixed, 'x', sizeof fixed);
    strncpy(fixed, "hi", sizeof fixed);
    for (int i = 0; i < 8; i++) printf("%d,", fixed[i]);
    printf("\n");
    char tight[4];
    strncpy(tight, "overflowing", sizeof tight);
    printf("%.4s\n", tight);

    char grid[2][6] = {"ab", "cd"};
    strncat(grid[0], "wxyz", 2);
    printf("%s %s\n", grid[0], grid[1]);
    near_misses();
    return 0;
}

static void near_misses(void) {
    char line[12] = "abcdefghij";
    char *mid = memset(line + 3, '-', 4);
    printf("%s %c\n", line, mid[0]);

    char grid[2][6] = {"ab", "cd"};
    strncpy(grid[1], grid[0] + 1, 3);
    grid[1][3] = '\0';
    printf("%s %s\n", grid[0], grid[1]);

    struct packet p, q;
    memset(&p, 0, sizeof p);
    memset(&q, 0, sizeof q);
    p.kind = q.kind = 4;
    printf("%d\n", memcmp(&p, &q, sizeof p) == 0);

    struct pair half = {5, 6};
    memset(&half, 0, sizeof(int));
    printf("%d %d\n", half.a, half.b);

    char self[10] = "abc";
    strncpy(self + 3, "defgh", strlen(self));
    printf("%s\n", self);
}
