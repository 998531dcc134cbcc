// translate: char-array members of records reached through the file's own pointer parameters, as
// an address book keeps them: printed with %s and %-10.10s, put with puts and fputs, measured with
// strlen, compared with strcmp in a search over an array parameter and through a walked cursor,
// written with strcpy, strcat and strncat, and one member formatted from two others with snprintf
// (`snprintf(c->label, n, "%s <%s>", c->name, c->mail)`: different members of one record, so the
// loans do not meet); an optional record (NULL for none). Near miss: copying one element's name
// into another's through the same array parameter (`strcpy(cs[i].name, cs[j].name)`: two places
// of one array that may be one) keeps the C library and `unsafe`.
// safe: contact_set contact_label contact_print find_by_name total_name_length print_optional print_all
// unsafe: copy_name main_0
// exit: 0
#include <stdio.h>
#include <string.h>

struct contact {
    char name[16];
    char mail[24];
    char label[48];
    int age;
};

static void contact_set(struct contact *c, const char *name, const char *domain, int age) {
    strcpy(c->name, name);
    strcpy(c->mail, name);
    strcat(c->mail, "@");
    strncat(c->mail, domain, 8);
    c->age = age;
}

static void contact_label(struct contact *c) {
    snprintf(c->label, sizeof c->label, "%s <%s> %d", c->name, c->mail, c->age);
}

static void contact_print(const struct contact *c) {
    printf("%-10.10s|%3d|%s\n", c->name, c->age, c->mail);
}

static int find_by_name(const struct contact *cs, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(cs[i].name, name) == 0)
            return i;
    return -1;
}

static size_t total_name_length(const struct contact *cs, int n) {
    size_t total = 0;
    for (const struct contact *end = cs + n; cs < end; cs++)
        total += strlen(cs->name);
    return total;
}

static void print_optional(const struct contact *c) {
    if (c)
        puts(c->label);
    else
        puts("(nobody)");
}

static void print_all(const struct contact *cs, int n) {
    for (int i = 0; i < n; i++) {
        fputs(cs[i].label, stdout);
        fputs("\n", stdout);
    }
}

static void copy_name(struct contact *cs, int i, int j) {
    strcpy(cs[i].name, cs[j].name);
}

int main(void) {
    struct contact book[3];
    contact_set(&book[0], "ada", "example.org", 36);
    contact_set(&book[1], "grace", "navy.mil.example", 45);
    contact_set(&book[2], "edsger", "tue.nl", 72);
    for (int i = 0; i < 3; i++) {
        contact_label(&book[i]);
        contact_print(&book[i]);
    }
    printf("grace at %d, alan at %d\n", find_by_name(book, 3, "grace"), find_by_name(book, 3, "alan"));
    printf("names: %zu bytes\n", total_name_length(book, 3));
    print_optional(&book[2]);
    print_optional(NULL);
    copy_name(book, 0, 2);
    contact_label(&book[0]);
    print_all(book, 3);
    struct contact solo;
    contact_set(&solo, "barbara", "mit.edu", 30);
    contact_label(&solo);
    printf("%s (%zu)\n", solo.label, strlen(solo.label));
    return 0;
}
