// translate: char arrays inside heap records and a global record, written by <string.h> and
// snprintf as C programs fill them: strcpy of a parameter, strncpy then a NUL, strcat, snprintf of a
// member from two other members of the same record, a copy from another record of the same type
// (`strcpy(b->name, a->name)`: read into a copy first), and a global status line rebuilt with
// snprintf, one of whose operands renames the record it prints (`%s` reads the name when snprintf
// runs, after its operands: the new name). Each write happens inside the object's closure
// (`p.set(|o| cstring::strcpy(..))`); no function needs unsafe.
// safe: employee_new employee_title employee_rename employee_promote status_update main_0
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct employee {
    char name[16];
    char dept[8];
    char title[40];
    int grade;
};

static struct {
    char line[64];
    int updates;
} status = {"idle", 0};

static struct employee *employee_new(const char *name, const char *dept, int grade) {
    struct employee *e = calloc(1, sizeof *e);
    strcpy(e->name, name);
    strncpy(e->dept, dept, sizeof e->dept - 1);
    e->dept[sizeof e->dept - 1] = '\0';
    e->grade = grade;
    return e;
}

static void employee_title(struct employee *e) {
    snprintf(e->title, sizeof e->title, "%s (%s, grade %d)", e->name, e->dept, e->grade);
}

static void employee_rename(struct employee *e, const struct employee *from) {
    strcpy(e->name, from->name);
    strcat(e->name, "-jr");
    employee_title(e);
}

static int employee_promote(struct employee *e) {
    strcat(e->name, "+");
    return ++e->grade;
}

static void status_update(const struct employee *e) {
    status.updates++;
    snprintf(status.line, sizeof status.line, "#%d %s", status.updates, e->title);
}

int main(void) {
    struct employee *a = employee_new("grace", "engineering", 7);
    struct employee *b = employee_new("alan", "math", 5);
    employee_title(a);
    employee_title(b);
    status_update(a);
    printf("%s\n%s\n%s\n", a->title, b->title, status.line);
    employee_rename(b, a);
    status_update(b);
    printf("%s [%zu]\n%s\n", b->title, strlen(b->name), status.line);
    snprintf(status.line, sizeof status.line, "%s now grade %d", a->name, employee_promote(a));
    printf("%s\n", status.line);
    free(a);
    free(b);
    return 0;
}
