// translate: whole objects copied with memcpy as C programs do: a game-of-life grid copied back
// from the next generation (two global two-dimensional arrays), a record saved and restored
// through pointers it is given (memcpy(dst, src, sizeof *dst)), a local array snapshot, and a
// struct copied with memmove, and a copy of part of an array (a slice copy, see slice_copies)
// safe: step snapshot restore population main_0
// exit: 0
#include <stdio.h>
#include <string.h>

#define H 6
#define W 8

static char grid[H][W];
static char next[H][W];

struct player {
    char name[12];
    int x, y;
    double health;
};

static void step(void) {
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            int n = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                    if (dy || dx) n += grid[(y + dy + H) % H][(x + dx + W) % W];
            next[y][x] = grid[y][x] ? (n == 2 || n == 3) : (n == 3);
        }
    memcpy(grid, next, sizeof grid);
}

static int population(void) {
    int p = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) p += grid[y][x];
    return p;
}

static void snapshot(struct player *saved, const struct player *live) { memcpy(saved, live, sizeof *saved); }

static void restore(struct player *live, const struct player *saved) { memmove(live, saved, sizeof(struct player)); }

int main(void) {
    grid[1][2] = grid[2][3] = grid[3][1] = grid[3][2] = grid[3][3] = 1; /* a glider */
    for (int g = 0; g < 4; g++) {
        step();
        printf("generation %d: %d alive\n", g + 1, population());
    }
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) putchar(grid[y][x] ? '#' : '.');
        putchar('\n');
    }

    struct player p = {"ada", 3, 4, 87.5}, saved;
    snapshot(&saved, &p);
    p.x += 10;
    p.health -= 50;
    strcpy(p.name, "ghost");
    printf("live %s %d %d %.1f\n", p.name, p.x, p.y, p.health);
    restore(&p, &saved);
    printf("restored %s %d %d %.1f\n", p.name, p.x, p.y, p.health);

    int scores[5] = {4, 8, 15, 16, 23}, before[5];
    memcpy(before, scores, sizeof scores);
    scores[2] = 42;
    memcpy(scores + 3, before, 2 * sizeof scores[0]);
    for (int i = 0; i < 5; i++) printf("%d/%d ", before[i], scores[i]);
    printf("\n");
    return 0;
}
