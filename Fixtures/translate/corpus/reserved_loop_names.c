// translate: loop counters named after Rust 2024 reserved words and keywords (`gen`, `type`,
// `match`), some read in the body and some only counting: each is a valid Rust name (a raw
// identifier where needed; `_gen` for an unread counter, never `_r#gen`)
// exit: 0
#include <stdio.h>

int main(void) {
    int total = 0;
    for (int gen = 0; gen < 4; gen++) total += 2;
    for (int type = 0; type < 3; type++) total += type;
    for (int match = 1; match <= 3; match++) total *= 2;
    printf("total %d\n", total);
    return 0;
}
