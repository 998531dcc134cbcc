// strict: double-free -> rustc E0382 (use of moved value)
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *name = strdup("ada");
    if (name == NULL)
        return 1;
    free(name);
    free(name);
    return 0;
}
