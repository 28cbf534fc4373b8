package dev.jawa.bench;

import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.BlockType;
import dev.jawa.module.Expr;
import dev.jawa.module.Opcode;
import dev.jawa.types.NumType;
import java.util.SplittableRandom;

/**
 * Writes random but valid function bodies with the instruction mix of compiled code: mostly local
 * traffic and integer arithmetic, with loads and stores, calls (direct and indirect), constants,
 * nested blocks, loops, if/else, br_if and br_table, and a few float, conversion and bulk-memory
 * instructions.
 *
 * <p>Every body type-checks ({@code wasm-validate} accepts the default module): expressions push
 * exactly one value of the type asked for, statements leave the stack as they found it, and
 * branches only target labels without results. Loops count down a counter local of their own,
 * calls go to lower-indexed functions (no recursion), and addresses are masked into the first
 * page. The code is meant to be decoded, validated and compiled, not run: every function calls
 * several others, so a call's cost grows exponentially with the callee's index.
 */
final class FunctionBodyGenerator {

    /** How deeply statements (blocks, loops, ifs) and expressions nest. */
    private static final int MAX_STATEMENT_DEPTH = 4;
    private static final int MAX_EXPRESSION_DEPTH = 4;
    /** Nested loops, each with its own counter local. */
    static final int MAX_LOOP_DEPTH = 3;

    private static final Opcode[] I32_BINARY = {
        Opcode.I32_ADD, Opcode.I32_ADD, Opcode.I32_SUB, Opcode.I32_MUL, Opcode.I32_AND, Opcode.I32_OR,
        Opcode.I32_XOR, Opcode.I32_SHL, Opcode.I32_SHR_S, Opcode.I32_SHR_U, Opcode.I32_ROTL,
        Opcode.I32_EQ, Opcode.I32_NE, Opcode.I32_LT_S, Opcode.I32_LT_U, Opcode.I32_GT_S, Opcode.I32_GE_U,
        Opcode.I32_LE_S,
    };
    private static final Opcode[] I32_UNARY = {
        Opcode.I32_EQZ, Opcode.I32_CLZ, Opcode.I32_CTZ, Opcode.I32_POPCNT, Opcode.I32_EXTEND8_S,
    };
    private static final Opcode[] I32_LOADS = {
        Opcode.I32_LOAD, Opcode.I32_LOAD, Opcode.I32_LOAD8_U, Opcode.I32_LOAD8_S, Opcode.I32_LOAD16_U,
    };
    private static final Opcode[] I64_BINARY = {
        Opcode.I64_ADD, Opcode.I64_SUB, Opcode.I64_MUL, Opcode.I64_AND, Opcode.I64_OR, Opcode.I64_XOR,
        Opcode.I64_SHL, Opcode.I64_SHR_U,
    };
    private static final Opcode[] F64_BINARY = {
        Opcode.F64_ADD, Opcode.F64_SUB, Opcode.F64_MUL, Opcode.F64_DIV, Opcode.F64_MIN, Opcode.F64_MAX,
    };
    private static final Opcode[] F64_UNARY = {Opcode.F64_SQRT, Opcode.F64_ABS, Opcode.F64_NEG, Opcode.F64_FLOOR};

    private final SplittableRandom rng;
    private final LargeModuleGenerator.Layout layout;
    private final InstructionWriter w = new InstructionWriter(16 * 1024);

    // Per function: its locals by type (parameters included, loop counters not), and the labels.
    private int[] i32Locals;
    private int[] i64Locals;
    private int[] f64Locals;
    private int[] loopCounters;
    private int funcIndex;
    /** For each enclosing label, innermost last: whether a branch to it needs no values. */
    private final boolean[] branchable = new boolean[64];
    private int labels;
    private int loopDepth;

    FunctionBodyGenerator(SplittableRandom rng, LargeModuleGenerator.Layout layout) {
        this.rng = rng;
        this.layout = layout;
    }

    /**
     * A body for function {@code funcIndex} of signature {@code type} (one of the layout's), with
     * about {@code statements} top-level statements.
     */
    Expr body(int funcIndex, int type, int statements) {
        this.funcIndex = funcIndex;
        LargeModuleGenerator.Locals l = layout.locals(type);
        i32Locals = l.i32();
        i64Locals = l.i64();
        f64Locals = l.f64();
        loopCounters = l.loopCounters();
        labels = 0;
        loopDepth = 0;
        w.reset();
        for (int i = 0; i < statements; i++) {
            statement(0);
        }
        switch (type) {
            case LargeModuleGenerator.TYPE_BINOP -> expr(NumType.I32, 0);
            case LargeModuleGenerator.TYPE_SINK -> { }
            case LargeModuleGenerator.TYPE_MIXED -> expr(NumType.F64, 0);
            default -> throw new IllegalArgumentException("type " + type);
        }
        w.op(Opcode.END);
        return w.toExpr();
    }

    // ---- statements: leave the operand stack unchanged ----

    private void statement(int depth) {
        int roll = rng.nextInt(100);
        if (depth >= MAX_STATEMENT_DEPTH && roll >= 60) {
            roll = rng.nextInt(60);
        }
        if (roll < 30) {
            setLocal();
        } else if (roll < 40) {
            store();
        } else if (roll < 46) {
            setGlobal();
        } else if (roll < 52) {
            call();
        } else if (roll < 56) {
            callIndirect();
        } else if (roll < 58) {
            expr(NumType.I32, 1);
            w.op(Opcode.LOCAL_TEE).u32(pick(i32Locals));
            w.op(Opcode.DROP);
        } else if (roll < 60) {
            bulkMemory();
        } else if (roll < 70) {
            block(depth);
        } else if (roll < 77) {
            if (loopDepth < MAX_LOOP_DEPTH) {
                loop(depth);
            } else {
                block(depth);
            }
        } else if (roll < 87) {
            ifElse(depth);
        } else if (roll < 93) {
            brTable(depth);
        } else if (roll < 98) {
            conditionalExit();
        } else {
            w.op(Opcode.NOP);
        }
    }

    private void setLocal() {
        int r = rng.nextInt(10);
        if (r < 7) {
            expr(NumType.I32, 0);
            w.op(Opcode.LOCAL_SET).u32(pick(i32Locals));
        } else if (r < 9) {
            expr(NumType.I64, 0);
            w.op(Opcode.LOCAL_SET).u32(pick(i64Locals));
        } else {
            expr(NumType.F64, 0);
            w.op(Opcode.LOCAL_SET).u32(pick(f64Locals));
        }
    }

    private void store() {
        address();
        int r = rng.nextInt(10);
        Opcode op;
        if (r < 5) {
            expr(NumType.I32, 1);
            op = Opcode.I32_STORE;
        } else if (r < 7) {
            expr(NumType.I32, 1);
            op = Opcode.I32_STORE8;
        } else if (r < 9) {
            expr(NumType.I64, 1);
            op = Opcode.I64_STORE;
        } else {
            expr(NumType.F64, 1);
            op = Opcode.F64_STORE;
        }
        memarg(op);
    }

    private void setGlobal() {
        int g = rng.nextInt(LargeModuleGenerator.GLOBALS);
        expr(LargeModuleGenerator.globalType(g), 1);
        w.op(Opcode.GLOBAL_SET).u32(g);
    }

    private void call() {
        int callee = layout.callee(LargeModuleGenerator.TYPE_SINK, funcIndex, rng);
        if (rng.nextBoolean()) {
            expr(NumType.I32, 1);
            w.op(Opcode.CALL).u32(callee);
        } else {
            expr(NumType.I32, 1);
            expr(NumType.I32, 1);
            w.op(Opcode.CALL).u32(layout.callee(LargeModuleGenerator.TYPE_BINOP, funcIndex, rng));
            w.op(Opcode.DROP);
        }
    }

    private void callIndirect() {
        // The table holds every function at its own index, so the index of a lower-indexed
        // function of the right type makes a call that would succeed.
        expr(NumType.I32, 2);
        w.op(Opcode.I32_CONST).s64(layout.callee(LargeModuleGenerator.TYPE_SINK, funcIndex, rng));
        w.op(Opcode.CALL_INDIRECT).u32(LargeModuleGenerator.TYPE_SINK).u32(0);
    }

    private void bulkMemory() {
        address();
        if (rng.nextBoolean()) {
            expr(NumType.I32, 2);
            w.op(Opcode.I32_CONST).s64(rng.nextInt(16));
            w.op(Opcode.MEMORY_FILL).u32(0);
        } else {
            address();
            w.op(Opcode.I32_CONST).s64(rng.nextInt(16));
            w.op(Opcode.MEMORY_COPY).u32(0).u32(0);
        }
    }

    private void block(int depth) {
        w.op(Opcode.BLOCK).blockType(BlockType.EMPTY);
        enter(true);
        statements(depth + 1, 1, 4);
        expr(NumType.I32, 1);
        w.op(Opcode.BR_IF).u32(0);
        statements(depth + 1, 1, 4);
        exit();
    }

    private void loop(int depth) {
        int counter = loopCounters[loopDepth];
        w.op(Opcode.I32_CONST).s64(1 + rng.nextInt(8));
        w.op(Opcode.LOCAL_SET).u32(counter);
        w.op(Opcode.LOOP).blockType(BlockType.EMPTY);
        enter(true);
        loopDepth++;
        statements(depth + 1, 2, 6);
        w.op(Opcode.LOCAL_GET).u32(counter);
        w.op(Opcode.I32_CONST).s64(1);
        w.op(Opcode.I32_SUB);
        w.op(Opcode.LOCAL_TEE).u32(counter);
        w.op(Opcode.BR_IF).u32(0);
        loopDepth--;
        exit();
    }

    private void ifElse(int depth) {
        expr(NumType.I32, 1);
        w.op(Opcode.IF).blockType(BlockType.EMPTY);
        enter(true);
        statements(depth + 1, 1, 4);
        if (rng.nextInt(3) > 0) {
            w.op(Opcode.ELSE);
            statements(depth + 1, 1, 3);
        }
        exit();
    }

    /** A switch: nested blocks, a br_table among them (and outer targets), code after each. */
    private void brTable(int depth) {
        int cases = 2 + rng.nextInt(4);
        for (int i = 0; i < cases; i++) {
            w.op(Opcode.BLOCK).blockType(BlockType.EMPTY);
            enter(true);
        }
        expr(NumType.I32, 1);
        int targets = 1 + rng.nextInt(8);
        w.op(Opcode.BR_TABLE).u32(targets);
        for (int i = 0; i < targets; i++) {
            w.u32(branchTarget(cases));
        }
        w.u32(cases - 1);
        for (int i = 0; i < cases; i++) {
            exit();
            statements(depth + 1, 0, 2);
        }
    }

    private void conditionalExit() {
        if (labels == 0) {
            w.op(Opcode.NOP);
            return;
        }
        expr(NumType.I32, 1);
        w.op(Opcode.BR_IF).u32(branchTarget(labels));
    }

    /** A label among the innermost {@code within} that a branch without values may target. */
    private int branchTarget(int within) {
        for (int tries = 0; tries < 8; tries++) {
            int depth = rng.nextInt(within);
            if (branchable[labels - 1 - depth]) {
                return depth;
            }
        }
        for (int depth = 0; depth < labels; depth++) {
            if (branchable[labels - 1 - depth]) {
                return depth;
            }
        }
        throw new IllegalStateException("no label to branch to");
    }

    private void statements(int depth, int min, int max) {
        int n = min + rng.nextInt(max - min + 1);
        for (int i = 0; i < n; i++) {
            statement(depth);
        }
    }

    private void enter(boolean canBranch) {
        branchable[labels++] = canBranch;
    }

    private void exit() {
        labels--;
        w.op(Opcode.END);
    }

    // ---- expressions: push one value of the given type ----

    private void expr(NumType type, int depth) {
        switch (type) {
            case I32 -> i32(depth);
            case I64 -> i64(depth);
            case F64 -> f64(depth);
            default -> throw new IllegalArgumentException(type.toString());
        }
    }

    private void i32(int depth) {
        int roll = depth >= MAX_EXPRESSION_DEPTH ? rng.nextInt(45) : rng.nextInt(100);
        if (roll < 15) {
            w.op(Opcode.I32_CONST).s64(rng.nextInt(4) == 0 ? rng.nextInt() : rng.nextInt(256));
        } else if (roll < 40) {
            w.op(Opcode.LOCAL_GET).u32(pick(i32Locals));
        } else if (roll < 45) {
            w.op(Opcode.GLOBAL_GET).u32(rng.nextInt(LargeModuleGenerator.I32_GLOBALS));
        } else if (roll < 68) {
            i32(depth + 1);
            i32(depth + 1);
            w.op(I32_BINARY[rng.nextInt(I32_BINARY.length)]);
        } else if (roll < 73) {
            i32(depth + 1);
            w.op(I32_UNARY[rng.nextInt(I32_UNARY.length)]);
        } else if (roll < 83) {
            address(depth + 1);
            memarg(I32_LOADS[rng.nextInt(I32_LOADS.length)]);
        } else if (roll < 88) {
            i32(depth + 1);
            i32(depth + 1);
            w.op(Opcode.CALL).u32(layout.callee(LargeModuleGenerator.TYPE_BINOP, funcIndex, rng));
        } else if (roll < 91) {
            i64(depth + 1);
            w.op(Opcode.I32_WRAP_I64);
        } else if (roll < 93) {
            f64(depth + 1);
            f64(depth + 1);
            w.op(Opcode.F64_LT);
        } else if (roll < 96) {
            i32(depth + 1);
            i32(depth + 1);
            i32(depth + 1);
            w.op(Opcode.SELECT);
        } else {
            i32(depth + 1);
            w.op(Opcode.IF).blockType(new BlockType.Value(NumType.I32));
            enter(false);
            i32(depth + 1);
            w.op(Opcode.ELSE);
            i32(depth + 1);
            exit();
        }
    }

    private void i64(int depth) {
        int roll = depth >= MAX_EXPRESSION_DEPTH ? rng.nextInt(50) : rng.nextInt(100);
        if (roll < 20) {
            w.op(Opcode.I64_CONST).s64(rng.nextBoolean() ? rng.nextLong() : rng.nextInt(1000));
        } else if (roll < 50) {
            w.op(Opcode.LOCAL_GET).u32(pick(i64Locals));
        } else if (roll < 65) {
            i32(depth + 1);
            w.op(rng.nextBoolean() ? Opcode.I64_EXTEND_I32_S : Opcode.I64_EXTEND_I32_U);
        } else if (roll < 85) {
            i64(depth + 1);
            i64(depth + 1);
            w.op(I64_BINARY[rng.nextInt(I64_BINARY.length)]);
        } else if (roll < 95) {
            address(depth + 1);
            memarg(Opcode.I64_LOAD);
        } else {
            f64(depth + 1);
            w.op(Opcode.I64_TRUNC_SAT_F64_S);
        }
    }

    private void f64(int depth) {
        int roll = depth >= MAX_EXPRESSION_DEPTH ? rng.nextInt(55) : rng.nextInt(100);
        if (roll < 20) {
            w.op(Opcode.F64_CONST).fixed64(Double.doubleToRawLongBits(rng.nextInt(100000) / 64.0));
        } else if (roll < 50) {
            w.op(Opcode.LOCAL_GET).u32(pick(f64Locals));
        } else if (roll < 55) {
            w.op(Opcode.GLOBAL_GET).u32(LargeModuleGenerator.F64_GLOBAL);
        } else if (roll < 75) {
            f64(depth + 1);
            f64(depth + 1);
            w.op(F64_BINARY[rng.nextInt(F64_BINARY.length)]);
        } else if (roll < 80) {
            f64(depth + 1);
            w.op(F64_UNARY[rng.nextInt(F64_UNARY.length)]);
        } else if (roll < 88) {
            i32(depth + 1);
            w.op(Opcode.F64_CONVERT_I32_S);
        } else if (roll < 94) {
            address(depth + 1);
            memarg(Opcode.F64_LOAD);
        } else {
            if (layout.firstParam(LargeModuleGenerator.TYPE_MIXED) == NumType.I64) {
                i64(depth + 1);
            } else {
                i32(depth + 1); // the Chicory-compatible variant
            }
            f64(depth + 1);
            w.op(Opcode.CALL).u32(layout.callee(LargeModuleGenerator.TYPE_MIXED, funcIndex, rng));
        }
    }

    /** An address in the first page, less the largest access and offset (16 bytes each). */
    private void address(int depth) {
        i32(depth);
        w.op(Opcode.I32_CONST).s64(0xFFE0);
        w.op(Opcode.I32_AND);
    }

    private void address() {
        address(1);
    }

    /** A memory access with natural alignment and a small offset. */
    private void memarg(Opcode op) {
        w.op(op);
        w.memarg(0, op.naturalAlignLog2(), rng.nextInt(4) == 0 ? rng.nextInt(16) : 0);
    }

    private int pick(int[] choices) {
        return choices[rng.nextInt(choices.length)];
    }
}
