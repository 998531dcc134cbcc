// translate: sorts an array of pointers to employee structs with qsort and several comparators
// exit: 0
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct employee {
    char name[16];
    int age;
    double salary;
};

static int cmp_name(const void *a, const void *b) {
    const struct employee *x = *(const struct employee **)a;
    const struct employee *y = *(const struct employee **)b;
    return strcmp(x->name, y->name);
}

static int cmp_age_then_name(const void *a, const void *b) {
    const struct employee *x = *(struct employee *const *)a;
    const struct employee *y = *(struct employee *const *)b;
    if (x->age != y->age)
        return x->age < y->age ? -1 : 1;
    return strcmp(x->name, y->name);
}

static int cmp_salary_desc(const void *a, const void *b) {
    double x = (*(struct employee *const *)a)->salary;
    double y = (*(struct employee *const *)b)->salary;
    if (x > y) return -1;
    if (x < y) return 1;
    return 0;
}

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void print_all(const char *title, struct employee **v, size_t n) {
    printf("%s:\n", title);
    for (size_t i = 0; i < n; i++)
        printf("  %-8s %3d %10.2f\n", v[i]->name, v[i]->age, v[i]->salary);
}

int main(void) {
    static const struct { const char *name; int age; double salary; } seed[] = {
        {"Mallory", 41, 72000.50}, {"alice", 29, 58000}, {"Bob", 35, 61000.25},
        {"Carol", 29, 99000},      {"Dave", 52, 45000},  {"Eve", 35, 61000.25},
    };
    size_t n = sizeof seed / sizeof seed[0];
    struct employee **staff = malloc(n * sizeof *staff);
    for (size_t i = 0; i < n; i++) {
        staff[i] = malloc(sizeof **staff);
        snprintf(staff[i]->name, sizeof staff[i]->name, "%s", seed[i].name);
        staff[i]->age = seed[i].age;
        staff[i]->salary = seed[i].salary;
    }
    struct employee *first = staff[0];

    qsort(staff, n, sizeof staff[0], cmp_name);
    print_all("by name", staff, n);
    qsort(staff, n, sizeof(struct employee *), cmp_age_then_name);
    print_all("by age, then name", staff, n);
    qsort(staff, n, sizeof *staff, cmp_salary_desc);
    printf("top earner: %s, lowest: %s\n", staff[0]->name, staff[n - 1]->name);
    for (size_t i = 0; i < n; i++)
        if (staff[i] == first)
            printf("%s moved from slot 0 to slot %zu\n", first->name, i);

    int ages[6];
    for (size_t i = 0; i < n; i++)
        ages[i] = staff[i]->age;
    qsort(ages, n, sizeof ages[0], cmp_int);
    printf("ages sorted:");
    for (size_t i = 0; i < n; i++)
        printf(" %d", ages[i]);
    printf("\nmedian age: %d\n", (ages[n / 2 - 1] + ages[n / 2]) / 2);

    int key = 35;
    int *hit = bsearch(&key, ages, n, sizeof ages[0], cmp_int);
    printf("bsearch 35: %s\n", hit ? "found" : "missing");

    for (size_t i = 0; i < n; i++)
        free(staff[i]);
    free(staff);
    return 0;
}
