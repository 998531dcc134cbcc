// strict: use-after-free -> rustc E0505 (the freed owner is still borrowed: a move out while borrowed)
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person {
    char *name;
    int age;
};

int main(void) {
    struct person *p = malloc(sizeof *p);
    if (p == NULL)
        return 1;
    p->name = strdup("ada");
    p->age = 36;
    const char *name = p->name;
    free(p->name);
    free(p);
    printf("%s\n", name);
    return 0;
}
