// translate: writes records to a binary temporary file with fwrite, reads them back with fread and checks ferror
// exit: 0
#include <stdio.h>
#include <stdint.h>
#include <string.h>

struct record {
    uint32_t id;
    int16_t temp;
    uint8_t flags;
    char tag[5];
};

static uint32_t checksum(const unsigned char *buf, size_t n) {
    uint32_t sum = 0;
    for (size_t i = 0; i < n; i++)
        sum = (sum << 3) ^ (sum >> 29) ^ buf[i];
    return sum;
}

int main(void) {
    struct record out[4];
    memset(out, 0, sizeof out); /* zero the padding too */
    const char *tags[] = {"north", "sth", "e", "west"};
    for (int i = 0; i < 4; i++) {
        out[i].id = 1000u + (uint32_t)i * 7u;
        out[i].temp = (int16_t)(-15 + i * 11);
        out[i].flags = (uint8_t)(1u << i);
        strncpy(out[i].tag, tags[i], sizeof out[i].tag - 1);
    }

    FILE *fp = tmpfile();
    if (fp == NULL) {
        perror("tmpfile");
        return 1;
    }
    size_t written = fwrite(out, sizeof out[0], 4, fp);
    unsigned char raw[] = {0x00, 0xff, 0x7f, 0x80, 0x0a, 0x0d};
    written += fwrite(raw, 1, sizeof raw, fp);
    printf("wrote %zu items, file size %ld\n", written, ftell(fp));

    rewind(fp);
    struct record in[4];
    size_t got = fread(in, sizeof in[0], 4, fp);
    if (got != 4 || ferror(fp)) {
        fprintf(stderr, "short read\n");
        fclose(fp);
        return 1;
    }
    for (size_t i = 0; i < got; i++)
        printf("id=%u temp=%d flags=0x%02x tag=%s\n", (unsigned)in[i].id, in[i].temp, in[i].flags, in[i].tag);
    printf("records equal: %s\n", memcmp(in, out, sizeof in) == 0 ? "yes" : "no");

    unsigned char tail[16];
    size_t n = fread(tail, 1, sizeof tail, fp);
    printf("tail bytes: %zu:", n);
    for (size_t i = 0; i < n; i++)
        printf(" %02x", tail[i]);
    printf("\n");
    printf("eof=%d error=%d\n", feof(fp) != 0, ferror(fp) != 0);
    printf("checksum of tail: %08x\n", (unsigned)checksum(tail, n));

    /* a byte-at-a-time copy into a second temporary file */
    rewind(fp);
    FILE *copy = tmpfile();
    if (copy == NULL) {
        fclose(fp);
        return 1;
    }
    int c;
    long copied = 0;
    while ((c = fgetc(fp)) != EOF) {
        fputc(c, copy);
        copied++;
    }
    printf("copied %ld bytes, copy size %ld\n", copied, ftell(copy));
    fclose(copy);
    fclose(fp);
    return 0;
}
