// translate: function pointers as C programs use them: a callback applied to each element, a
// table of operations indexed by an opcode, a struct of operations (a vtable on the stack), a
// handler chosen by a function and returned, a NULL default replaced before the call, pointers
// compared; every function a pointer can hold is safe, so the calls need no unsafe (a pointer
// parameter of such a function would stay raw: see const_array_parameter)
// exit: 0
#include <stdio.h>

typedef int (*unary_fn)(int);
typedef long (*fold_fn)(long, int);

struct counter_ops {
    int (*reset)(void);
    int (*step)(int state, int by);
    int (*get)(int state);
};

static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
static int negate(int x) { return -x; }
static long sum(long acc, int x) { return acc + x; }
static long max_of(long acc, int x) { return x > acc ? x : acc; }

static int reset_zero(void) { return 0; }
static int step_by(int s, int by) { return s + by; }
static int step_double(int s, int by) { return s * 2 + by; }
static int get_state(int s) { return s; }

static void map(int *a, int n, unary_fn f) {
    for (int i = 0; i < n; i++) a[i] = f(a[i]);
}

static long fold(const int *a, int n, long init, fold_fn f) {
    long acc = init;
    for (int i = 0; i < n; i++) acc = f(acc, a[i]);
    return acc;
}

static unary_fn choose(char op) {
    switch (op) {
    case 'd': return twice;
    case 's': return square;
    default: return negate;
    }
}

static int run(const struct counter_ops *ops, int steps) {
    int state = ops->reset();
    for (int i = 1; i <= steps; i++) state = ops->step(state, i);
    return ops->get(state);
}

int main(void) {
    int a[5] = {3, -1, 4, 1, -5};
    map(a, 5, twice);
    map(a, 5, choose('s'));
    printf("%d %d %d %d %d\n", a[0], a[1], a[2], a[3], a[4]);
    printf("sum=%ld max=%ld\n", fold(a, 5, 0, sum), fold(a, 5, -1000, max_of));
    unary_fn table[3] = {twice, square, negate};
    int code[6] = {0, 1, 2, 2, 1, 0};
    int v = 3;
    for (int i = 0; i < 6; i++) v = table[code[i]](v) % 1000;
    printf("v=%d\n", v);
    struct counter_ops linear = {reset_zero, step_by, get_state};
    struct counter_ops doubling = {reset_zero, step_double, get_state};
    printf("%d %d\n", run(&linear, 4), run(&doubling, 4));
    unary_fn f = NULL;
    if (f == NULL) f = choose('x');
    printf("%d %d %d\n", f(7), f == negate, choose('d') == twice);
    return 0;
}
