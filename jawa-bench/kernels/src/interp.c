/* An indirect-call-heavy workload: a small stack-machine bytecode interpreter whose every
 * instruction is dispatched through a table of function pointers (call_indirect in wasm). The
 * bytecode program counts the primes below a limit by trial division and sums them. Size: the
 * limit. */
#include "kernel.h"

enum { PUSH, LOAD, STORE, ADD, SUB, MUL, MOD, LT, JZ, JMP, DUP, DROP, HALT, OPS };

typedef struct {
    const int32_t *code;
    int pc;
    int sp;
    int32_t stack[64];
    int32_t vars[8];
    int running;
} vm_t;

typedef void (*handler_t)(vm_t *);

static void op_push(vm_t *vm) { vm->stack[vm->sp++] = vm->code[vm->pc++]; }
static void op_load(vm_t *vm) { vm->stack[vm->sp++] = vm->vars[vm->code[vm->pc++]]; }
static void op_store(vm_t *vm) { vm->vars[vm->code[vm->pc++]] = vm->stack[--vm->sp]; }
static void op_add(vm_t *vm) { vm->sp--; vm->stack[vm->sp - 1] += vm->stack[vm->sp]; }
static void op_sub(vm_t *vm) { vm->sp--; vm->stack[vm->sp - 1] -= vm->stack[vm->sp]; }
static void op_mul(vm_t *vm) { vm->sp--; vm->stack[vm->sp - 1] *= vm->stack[vm->sp]; }
static void op_mod(vm_t *vm) { vm->sp--; vm->stack[vm->sp - 1] %= vm->stack[vm->sp]; }
static void op_lt(vm_t *vm) { vm->sp--; vm->stack[vm->sp - 1] = vm->stack[vm->sp - 1] < vm->stack[vm->sp]; }
static void op_jz(vm_t *vm) {
    int32_t target = vm->code[vm->pc++];
    if (vm->stack[--vm->sp] == 0) vm->pc = target;
}
static void op_jmp(vm_t *vm) { vm->pc = vm->code[vm->pc]; }
static void op_dup(vm_t *vm) { vm->stack[vm->sp] = vm->stack[vm->sp - 1]; vm->sp++; }
static void op_drop(vm_t *vm) { vm->sp--; }
static void op_halt(vm_t *vm) { vm->running = 0; }

/* A run-time table, so the compiler cannot turn the dispatch into a switch. */
static handler_t handlers[OPS];

static void init_handlers(void) {
    handler_t h[OPS] = {op_push, op_load, op_store, op_add, op_sub, op_mul, op_mod,
                        op_lt, op_jz, op_jmp, op_dup, op_drop, op_halt};
    memcpy(handlers, h, sizeof h);
}

/* vars: 0 = limit, 1 = n, 2 = d, 3 = count, 4 = sum (mod 2^32), 5 = is_prime */
static int32_t program[128];

/* Assembles the prime counter; returns its length. Labels are patched after emitting. */
static int assemble(void) {
    int32_t *p = program;
    int i = 0;
#define EMIT(x) (p[i++] = (x))
    EMIT(PUSH); EMIT(2); EMIT(STORE); EMIT(1);                  /* n = 2 */
    int outer = i;
    EMIT(LOAD); EMIT(1); EMIT(LOAD); EMIT(0); EMIT(LT);         /* n < limit ? */
    EMIT(JZ); int exit_patch = i; EMIT(0);
    EMIT(PUSH); EMIT(1); EMIT(STORE); EMIT(5);                  /* is_prime = 1 */
    EMIT(PUSH); EMIT(2); EMIT(STORE); EMIT(2);                  /* d = 2 */
    int inner = i;
    EMIT(LOAD); EMIT(2); EMIT(DUP); EMIT(MUL); EMIT(LOAD); EMIT(1);
    EMIT(PUSH); EMIT(1); EMIT(ADD); EMIT(LT);                   /* d * d < n + 1 ? */
    EMIT(JZ); int inner_exit_patch = i; EMIT(0);
    EMIT(LOAD); EMIT(1); EMIT(LOAD); EMIT(2); EMIT(MOD);        /* n % d */
    EMIT(JZ); int composite_patch = i; EMIT(0);
    EMIT(LOAD); EMIT(2); EMIT(PUSH); EMIT(1); EMIT(ADD); EMIT(STORE); EMIT(2); /* d++ */
    EMIT(JMP); EMIT(inner);
    int composite = i;
    EMIT(PUSH); EMIT(0); EMIT(STORE); EMIT(5);                  /* is_prime = 0 */
    int inner_exit = i;
    EMIT(LOAD); EMIT(5); EMIT(JZ); int skip_patch = i; EMIT(0);
    EMIT(LOAD); EMIT(3); EMIT(PUSH); EMIT(1); EMIT(ADD); EMIT(STORE); EMIT(3); /* count++ */
    EMIT(LOAD); EMIT(4); EMIT(LOAD); EMIT(1); EMIT(ADD); EMIT(STORE); EMIT(4); /* sum += n */
    int skip = i;
    EMIT(LOAD); EMIT(1); EMIT(PUSH); EMIT(1); EMIT(ADD); EMIT(STORE); EMIT(1); /* n++ */
    EMIT(JMP); EMIT(outer);
    int exit = i;
    EMIT(HALT);
#undef EMIT
    p[exit_patch] = exit;
    p[inner_exit_patch] = inner_exit;
    p[composite_patch] = composite;
    p[skip_patch] = skip;
    return i;
}

static uint64_t run(int32_t limit, uint64_t *steps) {
    vm_t vm = {0};
    vm.code = program;
    vm.running = 1;
    vm.vars[0] = limit;
    uint64_t n = 0;
    while (vm.running) {
        int32_t op = vm.code[vm.pc++];
        handlers[op](&vm);
        n++;
    }
    *steps = n;
    return (uint64_t) (uint32_t) vm.vars[3] << 32 | (uint32_t) vm.vars[4];
}

int main(int argc, char **argv) {
    int32_t limit = (int32_t) kernel_size(argc, argv, 300000);
    init_handlers();
    int len = assemble();
    uint64_t steps;
    uint64_t result = run(limit, &steps);
    printf("primes below %d: %u (program %d words, %llu steps)\n", limit,
           (unsigned) (result >> 32), len, (unsigned long long) steps);
    print_checksum(mix(mix(CHECKSUM_SEED, result), steps));
    return 0;
}
