// translate: GNU computed goto, as bytecode interpreters dispatch (Lua's ljumptab.h, CPython's
// ceval): a static table of label addresses (`&&op_add`) indexed by the opcode, `goto *p`, a
// label address kept in a local and compared, and a jump through a value no table holds.
// Each `&&label` is the label's number in its function and `goto *p` a dispatch on it; a value
// that is no label of the function is C's undefined behaviour, a panic in the Rust.
// safe: run main_0
// exit: 3
#include <stdio.h>

enum { OP_PUSH, OP_ADD, OP_MUL, OP_DUP, OP_JNZ, OP_PRINT, OP_HALT };

static int run(const int *code, int *stack) {
    static const void *const dispatch[] = { &&op_push, &&op_add, &&op_mul, &&op_dup, &&op_jnz, &&op_print, &&op_halt };
    int sp = 0, pc = 0, steps = 0;
    void *last = &&op_halt;
#define NEXT do { steps++; last = (void *)dispatch[code[pc]]; goto *dispatch[code[pc++]]; } while (0)
    NEXT;
op_push:
    stack[sp++] = code[pc++];
    NEXT;
op_add:
    sp--;
    stack[sp - 1] += stack[sp];
    NEXT;
op_mul:
    sp--;
    stack[sp - 1] *= stack[sp];
    NEXT;
op_dup:
    stack[sp] = stack[sp - 1];
    sp++;
    NEXT;
op_jnz:
    /* pops a counter; jumps back by the operand while it is not zero */
    if (--stack[sp - 1] != 0) { pc -= code[pc]; } else { sp--; pc++; }
    NEXT;
op_print:
    printf("top %d (sp %d)\n", stack[sp - 1], sp);
    NEXT;
op_halt:
    printf("halt after %d steps, last was halt: %d\n", steps, last == &&op_halt);
    return sp > 0 ? stack[sp - 1] : -1;
}

int main(void) {
    /* 2 * 3 + 1, printed, then a loop that counts a copy down three times */
    int program[] = { OP_PUSH, 2, OP_PUSH, 3, OP_MUL, OP_PUSH, 1, OP_ADD, OP_PRINT,
                      OP_PUSH, 5, OP_PUSH, 3, OP_DUP, OP_PRINT, OP_JNZ, 3, OP_PRINT, OP_HALT };
    int stack[16] = {0};
    int r = run(program, stack);
    printf("result %d\n", r);
    return r + 2;
}
