// translate: goto used for control flow rather than cleanup: a retry loop and a label-per-state scanner
// exit: 0
#include <ctype.h>
#include <stdio.h>

/* A fake flaky device: fails until it has been asked `fail_times` times. */
static int attempts;
static int device_read(int fail_times, int *out) {
    attempts++;
    if (attempts <= fail_times)
        return -1;
    *out = attempts * 11;
    return 0;
}

static int read_with_retry(int fail_times, int max_tries) {
    int value, tries = 0;
    attempts = 0;
retry:
    tries++;
    if (device_read(fail_times, &value) != 0) {
        printf("  try %d failed\n", tries);
        if (tries < max_tries)
            goto retry;
        printf("  giving up\n");
        return -1;
    }
    printf("  try %d ok -> %d\n", tries, value);
    return value;
}

/* Scan "key=value;key=value" pairs with one label per state. */
static int scan_pairs(const char *s) {
    int pairs = 0, keylen = 0, vallen = 0;
    const char *p = s;

key:
    if (*p == '\0')
        goto done;
    if (isalpha((unsigned char)*p)) {
        keylen++;
        p++;
        goto key;
    }
    if (*p == '=' && keylen > 0) {
        p++;
        goto value;
    }
    goto error;

value:
    if (isdigit((unsigned char)*p)) {
        vallen++;
        p++;
        goto value;
    }
    if (vallen == 0)
        goto error;
    printf("  pair: key %d chars, value %d digits\n", keylen, vallen);
    pairs++;
    keylen = vallen = 0;
    if (*p == ';') {
        p++;
        goto key;
    }
    if (*p == '\0')
        goto done;

error:
    printf("  syntax error at offset %d ('%c')\n", (int)(p - s), *p ? *p : '$');
    return -1;

done:
    if (keylen > 0)
        goto error;
    return pairs;
}

int main(void) {
    printf("device that fails twice:\n");
    printf("result %d\n", read_with_retry(2, 5));
    printf("device that fails forever:\n");
    printf("result %d\n", read_with_retry(100, 3));

    const char *inputs[] = {"a=1;bb=22;ccc=333", "x=5;", "name=;", "k=9;oops", "=3", ""};
    for (int i = 0; i < 6; i++) {
        printf("scan \"%s\":\n", inputs[i]);
        printf("  -> %d\n", scan_pairs(inputs[i]));
    }
    return 0;
}
