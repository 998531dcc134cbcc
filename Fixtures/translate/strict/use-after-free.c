// strict: use-after-free -> rustc E0382 (borrow of moved value)
#include <stdio.h>
#include <stdlib.h>

struct item {
    int value;
};

int main(void) {
    struct item *it = malloc(sizeof *it);
    if (it == NULL)
        return 1;
    it->value = 7;
    free(it);
    printf("%d\n", it->value);
    return 0;
}
