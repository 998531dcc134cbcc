// translate: aggregate initialisation: {0}, nested braces, designated initializers, arrays of structs
// exit: 0
#include <stdio.h>
#include <string.h>

struct point { int x, y; };

struct rect {
    struct point origin;
    struct point size;
};

struct config {
    const char *name;
    int port;
    int retries;
    double timeout;
    int flags[4];
    struct point pos;
};

struct opcode {
    const char *mnemonic;
    unsigned char code;
    int operands;
};

static const struct opcode opcodes[] = {
    {"nop", 0x00, 0},
    {"load", 0x10, 2},
    {"store", 0x11, 2},
    {.mnemonic = "jmp", .code = 0x20, .operands = 1},
    {"halt", 0xff}, /* operands left zero */
};

enum color { RED, GREEN, BLUE, NCOLORS };
static const char *color_names[NCOLORS] = {
    [BLUE] = "blue",
    [RED] = "red",
    [GREEN] = "green",
};

static void print_config(const struct config *c) {
    printf("%s port=%d retries=%d timeout=%.1f flags=%d,%d,%d,%d pos=(%d,%d)\n",
           c->name ? c->name : "(null)", c->port, c->retries, c->timeout, c->flags[0], c->flags[1],
           c->flags[2], c->flags[3], c->pos.x, c->pos.y);
}

int main(void) {
    int zeros[6] = {0};
    int partial[6] = {1, 2};
    int sparse[8] = {[2] = 5, [5] = 7, 8}; /* 8 lands in [6] */
    char word[8] = "hi";
    int grid[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    int flat[2][3] = {1, 2, 3, 4}; /* braces elided */

    for (int i = 0; i < 8; i++)
        printf("%d%s", sparse[i], i < 7 ? " " : "\n");
    printf("zeros[5]=%d partial=%d,%d,%d word=%s len=%zu word[7]=%d\n", zeros[5], partial[0],
           partial[1], partial[2], word, strlen(word), word[7]);
    printf("grid diag=%d%d%d flat[1]=%d,%d,%d\n", grid[0][0], grid[1][1], grid[2][2], flat[1][0],
           flat[1][1], flat[1][2]);

    struct config empty = {0};
    struct config web = {"web", 8080, 3, 2.5, {1, 0, 1}, {10, 20}};
    struct config db = {.name = "db", .port = 5432, .flags = {[3] = 9}, .pos.y = -1};
    struct config copy = web;
    copy.port++;
    print_config(&empty);
    print_config(&web);
    print_config(&db);
    print_config(&copy);

    struct rect r = {{1, 2}, {30, 40}};
    struct rect r2 = {.size = {.x = 5, .y = 6}};
    struct point pts[] = {{0, 0}, {3, 4}, [4] = {1, 1}};
    printf("r=(%d,%d %dx%d) r2=(%d,%d %dx%d) npts=%zu pts[3]=(%d,%d)\n", r.origin.x, r.origin.y,
           r.size.x, r.size.y, r2.origin.x, r2.origin.y, r2.size.x, r2.size.y,
           sizeof pts / sizeof pts[0], pts[3].x, pts[3].y);

    for (size_t i = 0; i < sizeof opcodes / sizeof opcodes[0]; i++)
        printf("%-5s 0x%02x %d\n", opcodes[i].mnemonic, opcodes[i].code, opcodes[i].operands);
    for (int c = RED; c < NCOLORS; c++)
        printf("color %d = %s\n", c, color_names[c]);

    struct point p = {0};
    p = (struct point){.y = 9};
    printf("compound literal: (%d,%d)\n", p.x, p.y);
    return 0;
}
