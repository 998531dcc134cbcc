// translate: tiny stack-based bytecode interpreter: a for (;;) dispatch loop over a switch with fall-through
// exit: 0
#include <stdio.h>

enum op {
    OP_HALT, OP_PUSH, OP_ADD, OP_SUB, OP_MUL, OP_DUP, OP_SWAP,
    OP_JZ, OP_JMP, OP_PRINT, OP_INC, OP_DEC, OP_POP, OP_OVER
};

#define STACK_MAX 32

static const char *op_names[] = {
    "halt", "push", "add", "sub", "mul", "dup", "swap", "jz", "jmp", "print", "inc", "dec", "pop", "over",
};

static int run(const int *code, int trace) {
    int stack[STACK_MAX];
    int sp = 0;
    int pc = 0;
    int steps = 0;

    for (;;) {
        int op = code[pc++];
        int a, b;
        steps++;
        if (trace)
            printf("  %3d: %-5s sp=%d\n", pc - 1, op >= 0 && op <= OP_OVER ? op_names[op] : "?", sp);
        switch (op) {
        case OP_HALT:
            printf("halt after %d steps, sp=%d\n", steps, sp);
            return sp > 0 ? stack[sp - 1] : 0;
        case OP_PUSH:
            stack[sp++] = code[pc++];
            break;
        case OP_ADD:
        case OP_SUB:
        case OP_MUL:
            b = stack[--sp];
            a = stack[--sp];
            stack[sp++] = op == OP_ADD ? a + b : op == OP_SUB ? a - b : a * b;
            break;
        case OP_DUP:
            stack[sp] = stack[sp - 1];
            sp++;
            break;
        case OP_SWAP:
            a = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = a;
            break;
        case OP_JZ:
            if (stack[--sp] != 0) {
                pc++;
                break;
            }
            /* zero means take the jump */
            /* fall through */
        case OP_JMP:
            pc = code[pc];
            break;
        case OP_PRINT:
            printf("out: %d\n", stack[sp - 1]);
            break;
        case OP_DEC:
            /* dec is inc applied to (x - 2) */
            stack[sp - 1] -= 2;
            /* fall through */
        case OP_INC:
            stack[sp - 1] += 1;
            break;
        case OP_POP:
            sp--;
            break;
        case OP_OVER:
            stack[sp] = stack[sp - 2];
            sp++;
            break;
        default:
            printf("bad opcode %d at %d\n", op, pc - 1);
            return -1;
        }
    }
}

int main(void) {
    /* (2 + 3) * 7 - 1 */
    static const int expr[] = {OP_PUSH, 2, OP_PUSH, 3, OP_ADD, OP_PUSH, 7, OP_MUL, OP_DEC, OP_PRINT, OP_HALT};
    /* factorial of 6 with the stack holding [acc n] */
    static const int fact[] = {
        OP_PUSH, 1, OP_PUSH, 6, /* 0 */
        OP_DUP, OP_JZ, 14,      /* 4: loop: if n == 0 goto end */
        OP_SWAP, OP_OVER,       /* 7: n acc n */
        OP_MUL, OP_SWAP,        /* 9: acc*n n */
        OP_DEC, OP_JMP, 4,      /* 11: n - 1, again */
        OP_POP, OP_PRINT, OP_HALT, /* 14: end */
    };
    static const int bad[] = {OP_PUSH, 4, 99};

    printf("expr = %d\n", run(expr, 1));
    printf("fact = %d\n", run(fact, 0));
    printf("bad = %d\n", run(bad, 1));
    return 0;
}
