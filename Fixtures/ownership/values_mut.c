/* Inherited mutability of plain values: `let mut` only when reassigned, a field is
   assigned, or the address is lent to something that writes. */
struct vm_pair { int a; int b; };

// expect param vm_bump.x borrowed mutable rust="&mut i32"
void vm_bump(int *x) { (*x)++; }

int vm_demo(int n) {
    // expect local vm_demo.total value mutable
    int total = 0;
    // expect local vm_demo.limit value immutable
    int limit = n * 2;
    // expect local vm_demo.i value mutable
    for (int i = 0; i < limit; i++)
        total += i;
    // expect local vm_demo.pair value mutable
    struct vm_pair pair = { 1, 2 };
    pair.b = total;
    // expect local vm_demo.fixed value immutable
    struct vm_pair fixed = { 3, 4 };
    // expect local vm_demo.counter value mutable
    int counter = 0;
    vm_bump(&counter);
    /* Address lent only for reading: no `mut` needed. */
    // expect local vm_demo.seen value immutable
    int seen = 5;
    // expect local vm_demo.view borrowed immutable rust="&i32"
    const int *view = &seen;
    // expect local vm_demo.pp borrowed mutable rust="&mut vm_pair"
    struct vm_pair *pp = &pair;
    pp->a = *view;
    /* Reassigned, never written through: the pointee stays immutable. */
    // expect local vm_demo.cursor borrowed immutable
    const struct vm_pair *cursor = &fixed;
    cursor = &pair;
    return pair.a + pair.b + cursor->a + counter;
}
