// translate: <string.h> on local buffers and literals: building a path with strcpy/strcat,
// comparing with strcmp/strncmp (by sign), lengths, a word
// table looked up by name, and strcmp on bytes above 127
// exit: 0
#include <stdio.h>
#include <string.h>

static const char *const words[] = {"alpha", "beta", "gamma", "delta"};

static int index_of(const char *name) {
    for (int i = 0; i < 4; i++)
        if (strcmp(words[i], name) == 0)
            return i;
    return -1;
}

static int shout(char *dst, const char *src) {
    strcpy(dst, src);
    strcat(dst, "!");
    return (int)strlen(dst);
}

int main(void) {
    char path[64];
    strcpy(path, "/usr");
    strcat(path, "/local");
    strcat(path, "/bin");
    printf("path=%s len=%zu\n", path, strlen(path));
    char a[16] = "apple", b[16] = "apricot";
    /* Only the sign is C's: gcc folds comparisons it can see, glibc returns a difference. */
    printf("strcmp(a,b)<0=%d strcmp(b,a)>0=%d strncmp(a,b,2)=%d strncmp(a,b,3)<0=%d\n", strcmp(a, b) < 0, strcmp(b, a) > 0,
           strncmp(a, b, 2), strncmp(a, b, 3) < 0);
    printf("strcmp(\"\", \"x\")<0=%d strcmp(\"same\", \"same\")=%d\n", strcmp("", "x") < 0, strcmp("same", "same"));
    char hi[4] = {(char)0xE9, 'a', 0, 0};
    printf("high byte compares as unsigned: %d\n", strcmp(hi, "z") > 0);
    printf("index_of(gamma)=%d index_of(omega)=%d\n", index_of("gamma"), index_of("omega"));
    char loud[32];
    int n = shout(loud, "hello");
    printf("%s (%d)\n", loud, n);
    char *end = strcpy(loud, "reset");
    printf("%s %s\n", end, loud);
    return 0;
}
