// translate: reads "key = value" lines into tagged values (number, flag or text) and prints them
// args: settings.txt
// exit: 0
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE_MAX 128
#define MAX_SETTINGS 16

enum value_kind { VALUE_NUMBER, VALUE_FLAG, VALUE_TEXT };

struct value {
    enum value_kind kind;
    union {
        long number;
        int flag;
        char *text;
    } as;
};

struct setting {
    char *key;
    struct value value;
};

/* 0 and the number in *out, or -1 when text is not a decimal number. */
static int parse_number(const char *text, long *out) {
    size_t len = strlen(text);
    if (len == 0)
        return -1;
    long v = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return 0;
}

static void print_value(const struct value *v) {
    switch (v->kind) {
    case VALUE_NUMBER:
        printf("number %ld\n", v->as.number);
        break;
    case VALUE_FLAG:
        printf("flag %s\n", v->as.flag ? "on" : "off");
        break;
    case VALUE_TEXT:
        printf("text \"%s\"\n", v->as.text);
        break;
    }
}

static int load(const char *path) {
    int status = 1;
    int count = 0;
    struct setting settings[MAX_SETTINGS];
    char line[LINE_MAX];
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        goto done;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        char *key = strtok(line, " =\n");
        char *text = strtok(NULL, " =\n");
        if (key == NULL || text == NULL || key[0] == '#' || count == MAX_SETTINGS)
            continue;
        struct setting *s = &settings[count];
        s->key = strdup(key);
        long number;
        if (parse_number(text, &number) == 0) {
            s->value.kind = VALUE_NUMBER;
            s->value.as.number = number;
        } else if (strcmp(text, "on") == 0 || strcmp(text, "off") == 0) {
            s->value.kind = VALUE_FLAG;
            s->value.as.flag = strcmp(text, "on") == 0;
        } else {
            s->value.kind = VALUE_TEXT;
            s->value.as.text = strdup(text);
        }
        count++;
    }
    for (int i = 0; i < count; i++) {
        printf("%-8s ", settings[i].key);
        print_value(&settings[i].value);
    }
    printf("%d settings\n", count);
    status = 0;
done:
    for (int i = 0; i < count; i++) {
        free(settings[i].key);
        if (settings[i].value.kind == VALUE_TEXT)
            free(settings[i].value.as.text);
    }
    if (f != NULL)
        fclose(f);
    return status;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    return load(argv[1]);
}
