package dev.jawa.interp;

import dev.jawa.Trap;
import dev.jawa.WebAssemblyException;
import dev.jawa.runtime.ExceptionInstance;
import dev.jawa.runtime.TagInstance;
import dev.jawa.types.FuncType;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.HostFunction;
import dev.jawa.runtime.Memory;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.Table;
import dev.jawa.runtime.Traps;
import dev.jawa.runtime.V128;
import dev.jawa.runtime.WasmFunction;
import dev.jawa.validate.DefinedType;
import java.util.Arrays;

/**
 * One thread's interpreter state and the dispatch loop.
 *
 * <p>Values live in two parallel arrays: {@link #s} holds numbers as raw bits (i32 as a
 * sign-extended int, f32/f64 as raw IEEE bits), {@link #r} references and v128 values. A frame is
 * a window of both: its locals from {@code fp}, then its operand stack. A call makes the
 * caller's top {@code nParams} operands the callee's first locals in place; a return moves the
 * results down to the callee's {@code fp}, where the caller expects them.
 *
 * <p>WebAssembly calls never recurse in Java: the caller's (code, pc, fp) go on an explicit frame
 * stack, so recursion depth is bounded by {@link #maxDepth} (then the trap "call stack
 * exhausted"), tail calls replace the frame and run in constant space, and the JVM stack is
 * untouched by deep WebAssembly recursion. Only host functions that call back into WebAssembly
 * nest the loop.
 *
 * <p>The loop ({@link #run}) is one switch over the {@link Ops} numbers, with rare and large
 * instruction groups moved to {@link Ext}, {@link Cold} and {@link Numerics}, to stay well below HotSpot's
 * 8000-byte limit for compiling a method.
 */
final class Machine {

    /** The most value slots one thread's stack may take (each slot 8 + a reference's bytes). */
    static final int MAX_SLOTS = 1 << 24;

    private static final int[] RETURN_CODE = {Ops.RETURN};
    /** The most frames a trap records (the innermost ones): deep recursion must not make traps costly. */
    private static final int MAX_TRACE = 1000;

    final int maxDepth;
    private static final int INITIAL_SLOTS = 1024;
    private static final int SHRINK_ABOVE = 1 << 20;

    long[] s = new long[INITIAL_SLOTS];
    Object[] r = new Object[INITIAL_SLOTS];
    /** The highest slot any frame of the current outermost call may have used. */
    private int highWater;
    private int[] framePc = new int[64];
    private int[] frameFp = new int[64];
    private Compiled[] frameCode = new Compiled[64];
    /**
     * The number of frames on the frame stack. {@code frameCode} keeps the entries above it (no
     * store of null per return): the entries in use since the outermost call began are exactly
     * the non-null ones from 0, which that call's end clears.
     */
    private int depth;
    /** The first free slot: where a nested invocation (host calling back) starts its frame. */
    private int top;

    /** Who takes hot functions over (the compiler, in Tier.AUTO), or null for the interpreter alone. */
    private final TierUp tierUp;
    /** Backward branches before retrying on-stack replacement that failed (a loop it cannot enter, say). */
    private static final int OSR_RETRY = 1_000;

    Machine(int maxDepth, TierUp tierUp) {
        this.maxDepth = maxDepth;
        this.tierUp = tierUp;
    }

    /** Calls {@code f} with raw arguments; results are written back to the same arrays. */
    void invoke(WasmFunction f, long[] values, Object[] refs) {
        int savedDepth = depth;
        int savedTop = top;
        int fp = top;
        try {
            Compiled c = Interpreter.compiled(f, tierUp != null);
            if (--c.hotness < 0 && compiledReady(c)) {
                f.invoke(values, refs); // the tier now runs f's compiled code
                return;
            }
            ensure(fp + c.frameSize + 1);
            highWater = Math.max(highWater, fp + c.frameSize);
            int n = c.nParams;
            System.arraycopy(values, 0, s, fp, n);
            System.arraycopy(refs, 0, r, fp, n);
            run(c, fp);
            System.arraycopy(s, fp, values, 0, c.nResults);
            System.arraycopy(r, fp, refs, 0, c.nResults);
        } catch (StackOverflowError e) {
            throw new Trap(Traps.STACK_EXHAUSTED);
        } finally {
            depth = savedDepth;
            top = savedTop;
            if (depth == 0 && top == 0) {
                // The outermost call is over: drop the references the frames left behind, so the
                // stack keeps no WebAssembly objects alive, and give back an outsized stack. (A
                // call back into the interpreter from a host or compiled function called by a
                // frame at depth 0 is not the outermost: that frame lies below top and lives on.)
                Arrays.fill(r, 0, Math.min(r.length, highWater + 1), null);
                highWater = 0;
                for (int d = 0; d < frameCode.length && frameCode[d] != null; d++) {
                    frameCode[d] = null;
                }
                if (s.length > SHRINK_ABOVE) {
                    s = new long[INITIAL_SLOTS];
                    r = new Object[INITIAL_SLOTS];
                }
            }
        }
    }

    /** Makes room for {@code slots} value slots, or traps if that is beyond the limit. */
    private void ensure(int slots) {
        if (slots > s.length) {
            if (slots > MAX_SLOTS || slots < 0) {
                throw new Trap(Traps.STACK_EXHAUSTED);
            }
            int n = (int) Math.min(MAX_SLOTS, Math.max(slots, s.length * 2L));
            s = Arrays.copyOf(s, n);
            r = Arrays.copyOf(r, n);
        }
    }

    /**
     * The translation to interpret for a call of {@code wf}, or null if the call should go through
     * {@code wf.invoke} to its compiled code (counts the call towards tiering up).
     */
    private Compiled interpreted(WasmFunction wf) {
        Compiled c = Interpreter.compiled(wf, tierUp != null);
        return --c.hotness >= 0 || !compiledReady(c) ? c : null;
    }

    /** {@code c} ran out of budget: asks the {@link TierUp} whether it has compiled code now. */
    private boolean compiledReady(Compiled c) {
        if (tierUp == null) {
            c.hotness = Integer.MAX_VALUE;
            return false;
        }
        int budget = tierUp.hot(c.function);
        c.hotness = Math.max(budget, 0);
        return budget <= 0;
    }

    /**
     * On-stack replacement at the head of a loop (code index {@code head}) of the frame at
     * {@code fp}: if the loop has a compiled entry, runs the rest of the function there and returns
     * the stack pointer with the results at {@code fp}; else returns -1 and nothing ran.
     */
    private int osr(Compiled c, int head, int fp, int sp) {
        int at = c.loopAt(head);
        if (at < 0 || sp != fp + c.nLocals) {
            c.hotness = OSR_RETRY;
            return -1;
        }
        int n = Math.max(c.nLocals, c.nResults);
        long[] values = Arrays.copyOfRange(s, fp, fp + n);
        Object[] refs = Arrays.copyOfRange(r, fp, fp + n);
        int savedTop = top;
        top = sp; // where calls back into the interpreter put their frames
        boolean ran;
        try {
            ran = tierUp.osr(c.function, at, values, refs);
        } finally {
            top = savedTop;
        }
        if (!ran) {
            c.hotness = OSR_RETRY;
            return -1;
        }
        System.arraycopy(values, 0, s, fp, c.nResults);
        System.arraycopy(refs, 0, r, fp, c.nResults);
        return fp + c.nResults;
    }

    private void pushFrame(Compiled c, int pc, int fp) {
        int d = depth;
        if (d >= maxDepth) {
            throw new Trap(Traps.STACK_EXHAUSTED);
        }
        if (d == framePc.length) {
            int n = d * 2;
            framePc = Arrays.copyOf(framePc, n);
            frameFp = Arrays.copyOf(frameFp, n);
            frameCode = Arrays.copyOf(frameCode, n);
        }
        framePc[d] = pc;
        frameFp[d] = fp;
        if (frameCode[d] != c) {
            // Often the same as last time at this depth (recursion): a reference store costs a GC barrier.
            frameCode[d] = c;
        }
        depth = d + 1;
    }

    /** Zeroes the declared (non-parameter) locals of a new frame at {@code fp}. */
    private void clearLocals(Compiled c, int fp) {
        int from = fp + c.nParams;
        int to = fp + c.nLocals;
        if (from < to) {
            Arrays.fill(s, from, to, 0L);
            if (c.refLocalsDeclared) {
                Arrays.fill(r, from, to, null);
                for (int x : c.v128Locals) {
                    r[fp + x] = V128.ZERO;
                }
            }
        }
    }

    /**
     * Calls a host function with the top {@code nParams} operands; the results replace them.
     * Returns the new stack pointer.
     */
    private int callHost(FunctionInstance f, int sp) {
        int np = f.funcType().params().size();
        int nr = f.funcType().results().size();
        int n = Math.max(np, nr);
        long[] values = new long[n];
        Object[] refs = new Object[n];
        int base = sp - np;
        System.arraycopy(s, base, values, 0, np);
        System.arraycopy(r, base, refs, 0, np);
        int savedTop = top;
        top = sp;
        try {
            f.invoke(values, refs);
        } finally {
            top = savedTop;
        }
        ensure(base + nr);
        System.arraycopy(values, 0, s, base, nr);
        System.arraycopy(refs, 0, r, base, nr);
        return base + nr;
    }

    /** Moves a branch's {@code arity} carried values down to {@code dst}; returns the new sp. */
    private int moveDown(int sp, int arity, int dst) {
        int src = sp - arity;
        if (src != dst) {
            if (arity == 1) {
                s[dst] = s[src];
                r[dst] = r[src];
            } else if (arity != 0) {
                System.arraycopy(s, src, s, dst, arity);
                System.arraycopy(r, src, r, dst, arity);
            }
        }
        return dst + arity;
    }

    private static Trap trap(String message) {
        return new Trap(message);
    }

    /** The function a call_indirect reaches, after the spec's checks. */
    private static FunctionInstance indirect(ModuleInstance inst, int typeIndex, int tableIndex, long i) {
        Table t = inst.tables()[tableIndex];
        long idx = t.is64() ? i : i & 0xFFFF_FFFFL;
        Object v = t.getOrMissing(idx, Table.class);
        if (v == Table.class) {
            throw trap(Traps.UNDEFINED_ELEMENT);
        }
        if (v == null) {
            throw trap(Traps.UNINITIALIZED_ELEMENT + " " + Long.toUnsignedString(idx));
        }
        FunctionInstance f = (FunctionInstance) v;
        DefinedType expected = inst.types()[typeIndex];
        if (f.type() != expected && !f.type().isSubtypeOf(expected)) {
            throw trap(Traps.INDIRECT_TYPE_MISMATCH);
        }
        return f;
    }

    /** The effective address of a memory-0 access {@code [op, add, offset]} whose operand is {@code s[slot]}. */
    private static long ea(long[] s, int slot, int[] code, int pc) {
        return (((int) s[slot] + code[pc]) & 0xFFFF_FFFFL) + (code[pc + 1] & 0xFFFF_FFFFL);
    }

    /** Runs {@code c} with its frame at {@code fp} (arguments in place) until it returns. */
    void run(Compiled c, int fp) {
        final int baseDepth = depth;
        clearLocals(c, fp);
        long[] s = this.s;
        Object[] r = this.r;
        int[] code = c.code;
        int pc = 0;
        int sp = fp + c.nLocals;
        while (true) {
          try {
            while (true) {
            switch (code[pc++]) {
                case Ops.UNREACHABLE -> throw trap(Traps.UNREACHABLE);
                // The hot cases below compute by hand what Cmp and moveDown compute: C2 stops
                // inlining calls once the loop's graph passes NodeCountInliningCutoff, and which
                // call sites it then leaves as real calls is a matter of parse order (BR_IF's were).
                case Ops.IF -> {
                    // Branch-free, like the comparisons (see Cmp): m is -1 when the condition is 0.
                    int m = (int) (((s[--sp] & 0xFFFF_FFFFL) - 1) >> 63);
                    pc = (code[pc] & m) | ((pc + 1) & ~m);
                }
                case Ops.JUMP -> pc = code[pc];
                case Ops.BR -> {
                    int arity = code[pc + 1];
                    int dst = fp + code[pc + 2];
                    if (arity <= 1) {
                        // One value or none, moved without a branch (none: a dead slot's copy).
                        s[dst] = s[sp - arity];
                        r[dst] = r[sp - arity];
                        sp = dst + arity;
                    } else {
                        sp = moveDown(sp, arity, dst);
                    }
                    pc = code[pc];
                }
                case Ops.BR_IF -> {
                    // Branch-free: not taken is a move of no values to the current top.
                    int m = (int) (-(s[--sp] & 0xFFFF_FFFFL) >> 63); // -1 when taken
                    int arity = code[pc + 1] & m;
                    int dst = ((fp + code[pc + 2]) & m) | (sp & ~m);
                    if (arity <= 1) {
                        s[dst] = s[sp - arity];
                        r[dst] = r[sp - arity];
                        sp = dst + arity;
                    } else {
                        sp = moveDown(sp, arity, dst);
                    }
                    pc = (code[pc] & m) | ((pc + 3) & ~m);
                }
                case Ops.BR_IF0 -> {
                    int m = (int) (-(s[--sp] & 0xFFFF_FFFFL) >> 63); // -1 when taken
                    sp = ((fp + code[pc + 2]) & m) | (sp & ~m);
                    pc = (code[pc] & m) | ((pc + 3) & ~m);
                }
                case Ops.BR_BACK -> {
                    sp = moveDown(sp, code[pc + 1], fp + code[pc + 2]);
                    pc = code[pc];
                    if (--c.hotness < 0 && compiledReady(c)) {
                        int head = pc;
                        pc = 0; // no handler of this frame may catch what escapes the compiled rest
                        int done = osr(c, head, fp, sp);
                        if (done >= 0) {
                            sp = done;
                            code = RETURN_CODE;
                            s = this.s;
                            r = this.r;
                        } else {
                            pc = head;
                        }
                    }
                }
                case Ops.BR_IF_BACK -> {
                    int m = Cmp.eqz((int) s[--sp]) - 1; // -1 when taken
                    sp = moveDown(sp, code[pc + 1] & m, ((fp + code[pc + 2]) & m) | (sp & ~m));
                    pc = (code[pc] & m) | ((pc + 3) & ~m);
                    if ((c.hotness += m) < 0 && compiledReady(c)) {
                        int head = pc;
                        pc = 0; // as in BR_BACK
                        int done = osr(c, head, fp, sp);
                        if (done >= 0) {
                            sp = done;
                            code = RETURN_CODE;
                            s = this.s;
                            r = this.r;
                        } else {
                            pc = head;
                        }
                    }
                }
                case Ops.LOCAL_GET2 -> {
                    s[sp] = s[fp + code[pc]];
                    s[sp + 1] = s[fp + code[pc + 1]];
                    sp += 2;
                    pc += 2;
                }
                case Ops.I32_ADD_CONST -> s[sp - 1] = (int) s[sp - 1] + code[pc++];
                case Ops.LOCAL_GET_ADD_CONST -> {
                    s[sp++] = (int) s[fp + code[pc]] + code[pc + 1];
                    pc += 2;
                }
                case Ops.I32_AND_CONST -> s[sp - 1] = (int) s[sp - 1] & code[pc++];
                case Ops.I32_OR_CONST -> s[sp - 1] = (int) s[sp - 1] | code[pc++];
                case Ops.I32_XOR_CONST -> s[sp - 1] = (int) s[sp - 1] ^ code[pc++];
                case Ops.I32_SHL_CONST -> s[sp - 1] = (int) s[sp - 1] << code[pc++];
                case Ops.I32_SHR_U_CONST -> s[sp - 1] = (int) s[sp - 1] >>> code[pc++];
                case Ops.I32_ROTL_CONST -> s[sp - 1] = Integer.rotateLeft((int) s[sp - 1], code[pc++]);
                case Ops.I32_ADD_LOCAL -> s[sp - 1] = (int) s[sp - 1] + (int) s[fp + code[pc++]];
                case Ops.LOCAL_GET2_ADD -> {
                    s[sp++] = (int) s[fp + code[pc]] + (int) s[fp + code[pc + 1]];
                    pc += 2;
                }
                case Ops.I32_LOAD_LOCAL -> {
                    s[sp++] = c.mem0.loadI32(ea(s, fp + code[pc], code, pc + 1));
                    pc += 3;
                }
                case Ops.I64_LOAD_LOCAL -> {
                    s[sp++] = c.mem0.loadI64(ea(s, fp + code[pc], code, pc + 1));
                    pc += 3;
                }
                case Ops.F64_ADD_LOAD_LOCAL -> {
                    s[sp - 1] = bits(f64(s[sp - 1]) + f64(c.mem0.loadI64(ea(s, fp + code[pc], code, pc + 1))));
                    pc += 3;
                }
                case Ops.F64_MUL_LOAD_LOCAL -> {
                    s[sp - 1] = bits(f64(s[sp - 1]) * f64(c.mem0.loadI64(ea(s, fp + code[pc], code, pc + 1))));
                    pc += 3;
                }
                case Ops.I32_LOAD8_U_LOCAL -> {
                    s[sp++] = c.mem0.loadU8(ea(s, fp + code[pc], code, pc + 1));
                    pc += 3;
                }
                case Ops.LOCAL_ADD_CONST_SET -> {
                    s[fp + code[pc + 2]] = (int) s[fp + code[pc]] + code[pc + 1];
                    pc += 3;
                }
                case Ops.LOCAL_ADD_CONST_TEE -> {
                    long v = (int) s[fp + code[pc]] + code[pc + 1];
                    s[fp + code[pc + 2]] = v;
                    s[sp++] = v;
                    pc += 3;
                }
                case Ops.LOCAL_SET_GET -> {
                    s[fp + code[pc]] = s[sp - 1];
                    s[sp - 1] = s[fp + code[pc + 1]];
                    pc += 2;
                }
                case Ops.BR_TABLE -> {
                    int n = code[pc];
                    long i = s[--sp] & 0xFFFF_FFFFL;
                    int e = pc + 1 + 3 * (int) Math.min(i, n);
                    sp = moveDown(sp, code[e + 1], fp + code[e + 2]);
                    pc = code[e];
                }
                case Ops.BR_ON_NULL -> {
                    if (r[sp - 1] == null) {
                        sp = moveDown(sp - 1, code[pc + 1], fp + code[pc + 2]);
                        pc = code[pc];
                    } else {
                        pc += 3;
                    }
                }
                case Ops.BR_ON_NON_NULL -> {
                    if (r[sp - 1] != null) {
                        sp = moveDown(sp, code[pc + 1], fp + code[pc + 2]);
                        pc = code[pc];
                    } else {
                        sp--;
                        pc += 3;
                    }
                }
                case Ops.RETURN -> {
                    int n = c.nResults;
                    if (n <= 1) {
                        s[fp] = s[sp - n];
                        if (c.refResults) {
                            r[fp] = r[sp - n];
                        }
                        sp = fp + n;
                    } else {
                        sp = moveDown(sp, n, fp);
                    }
                    if (depth == baseDepth) {
                        return;
                    }
                    int d = --depth;
                    // The frame's code stays in frameCode until overwritten (invoke clears it):
                    // storing null here would cost a GC barrier per return.
                    c = frameCode[d];
                    pc = framePc[d];
                    fp = frameFp[d];
                    code = c.code;
                }
                case Ops.CALL -> {
                    // The common direct call, apart from the other five: no branches on the kind
                    // of call whose untaken sides C2 would prune and later deoptimize on.
                    FunctionInstance f = c.instance.functions()[code[pc++]];
                    Compiled callee;
                    // (A hot callee with compiled code is called like a host function.)
                    if (f instanceof WasmFunction wf && (callee = interpreted(wf)) != null) {
                        pushFrame(c, pc, fp);
                        int newFp = sp - callee.nParams;
                        int end = newFp + callee.frameSize;
                        highWater = Math.max(highWater, end);
                        if (end >= s.length) {
                            top = sp;
                            ensure(end + 1);
                            s = this.s;
                            r = this.r;
                        }
                        c = callee;
                        code = callee.code;
                        fp = newFp;
                        clearLocals(callee, newFp);
                        sp = newFp + callee.nLocals;
                        pc = 0;
                    } else {
                        sp = callHost(f, sp);
                        s = this.s;
                        r = this.r;
                    }
                }
                case Ops.RETURN_CALL, Ops.CALL_INDIRECT, Ops.RETURN_CALL_INDIRECT, Ops.CALL_REF,
                     Ops.RETURN_CALL_REF -> {
                    int op = code[pc - 1];
                    FunctionInstance f;
                    if (op == Ops.RETURN_CALL) {
                        f = c.instance.functions()[code[pc]];
                        pc++;
                    } else if (op == Ops.CALL_INDIRECT || op == Ops.RETURN_CALL_INDIRECT) {
                        f = indirect(c.instance, code[pc], code[pc + 1], s[--sp]);
                        pc += 2;
                    } else {
                        Object ref = r[--sp];
                        if (ref == null) {
                            throw trap(Traps.NULL_FUNCTION);
                        }
                        f = (FunctionInstance) ref;
                        pc++;
                    }
                    boolean tail = op == Ops.RETURN_CALL || op == Ops.RETURN_CALL_INDIRECT
                            || op == Ops.RETURN_CALL_REF;
                    Compiled callee = f instanceof WasmFunction wf ? interpreted(wf) : null;
                    if (callee != null) {
                        int np = callee.nParams;
                        int newFp;
                        if (tail) {
                            sp = moveDown(sp, np, fp);
                            newFp = fp;
                        } else {
                            pushFrame(c, pc, fp);
                            newFp = sp - np;
                        }
                        highWater = Math.max(highWater, newFp + callee.frameSize);
                        if (newFp + callee.frameSize >= this.s.length) {
                            top = sp;
                            ensure(newFp + callee.frameSize + 1);
                            s = this.s;
                            r = this.r;
                        }
                        c = callee;
                        code = c.code;
                        fp = newFp;
                        clearLocals(c, fp);
                        sp = fp + c.nLocals;
                        pc = 0;
                    } else {
                        sp = callHost(f, sp);
                        s = this.s;
                        r = this.r;
                        if (tail) {
                            code = RETURN_CODE;
                            pc = 0;
                        }
                    }
                }
                case Ops.DROP -> sp--;
                case Ops.SELECT -> {
                    sp -= 2;
                    int pick = sp - 1 + (int) (((s[sp + 1] & 0xFFFF_FFFFL) - 1) >>> 63); // the second operand if 0
                    s[sp - 1] = s[pick];
                    r[sp - 1] = r[pick];
                }
                case Ops.LOCAL_GET -> s[sp++] = s[fp + code[pc++]];
                case Ops.LOCAL_SET -> s[fp + code[pc++]] = s[--sp];
                case Ops.LOCAL_TEE -> s[fp + code[pc++]] = s[sp - 1];
                case Ops.LOCAL_GET_REF -> {
                    int x = fp + code[pc++];
                    s[sp] = s[x];
                    r[sp++] = r[x];
                }
                case Ops.LOCAL_SET_REF -> {
                    int x = fp + code[pc++];
                    sp--;
                    s[x] = s[sp];
                    r[x] = r[sp];
                }
                case Ops.LOCAL_TEE_REF -> {
                    int x = fp + code[pc++];
                    s[x] = s[sp - 1];
                    r[x] = r[sp - 1];
                }
                case Ops.GLOBAL_GET -> s[sp++] = c.instance.globals()[code[pc++]].bits;
                case Ops.GLOBAL_SET -> c.instance.globals()[code[pc++]].bits = s[--sp];
                case Ops.GLOBAL_GET_REF -> r[sp++] = c.instance.globals()[code[pc++]].ref;
                case Ops.GLOBAL_SET_REF -> c.instance.globals()[code[pc++]].ref = r[--sp];

                case Ops.I32_LOAD, Ops.F32_LOAD -> {
                    s[sp - 1] = c.mem0.loadI32(ea(s, sp - 1, code, pc));
                    pc += 2;
                }
                case Ops.I64_LOAD, Ops.F64_LOAD -> {
                    s[sp - 1] = c.mem0.loadI64(ea(s, sp - 1, code, pc));
                    pc += 2;
                }
                case Ops.I32_LOAD8_S, Ops.I64_LOAD8_S -> {
                    s[sp - 1] = c.mem0.loadI8(ea(s, sp - 1, code, pc));
                    pc += 2;
                }
                case Ops.I32_LOAD8_U, Ops.I64_LOAD8_U -> {
                    s[sp - 1] = c.mem0.loadU8(ea(s, sp - 1, code, pc));
                    pc += 2;
                }
                case Ops.I32_LOAD16_S, Ops.I64_LOAD16_S -> {
                    s[sp - 1] = c.mem0.loadI16(ea(s, sp - 1, code, pc));
                    pc += 2;
                }
                case Ops.I32_LOAD16_U, Ops.I64_LOAD16_U -> {
                    s[sp - 1] = c.mem0.loadU16(ea(s, sp - 1, code, pc));
                    pc += 2;
                }
                case Ops.I64_LOAD32_S -> {
                    s[sp - 1] = c.mem0.loadI32(ea(s, sp - 1, code, pc));
                    pc += 2;
                }
                case Ops.I64_LOAD32_U -> {
                    s[sp - 1] = c.mem0.loadI32(ea(s, sp - 1, code, pc)) & 0xFFFF_FFFFL;
                    pc += 2;
                }
                case Ops.I32_STORE, Ops.F32_STORE, Ops.I64_STORE32 -> {
                    sp -= 2;
                    c.mem0.storeI32(ea(s, sp, code, pc), (int) s[sp + 1]);
                    pc += 2;
                }
                case Ops.I64_STORE, Ops.F64_STORE -> {
                    sp -= 2;
                    c.mem0.storeI64(ea(s, sp, code, pc), s[sp + 1]);
                    pc += 2;
                }
                case Ops.I32_STORE8, Ops.I64_STORE8 -> {
                    sp -= 2;
                    c.mem0.storeI8(ea(s, sp, code, pc), (int) s[sp + 1]);
                    pc += 2;
                }
                case Ops.I32_STORE16, Ops.I64_STORE16 -> {
                    sp -= 2;
                    c.mem0.storeI16(ea(s, sp, code, pc), (int) s[sp + 1]);
                    pc += 2;
                }

                case Ops.I32_CONST, Ops.F32_CONST -> s[sp++] = code[pc++];
                case Ops.I64_CONST, Ops.F64_CONST -> {
                    s[sp++] = (code[pc] & 0xFFFF_FFFFL) | ((long) code[pc + 1] << 32);
                    pc += 2;
                }

                case Ops.I32_EQZ -> s[sp - 1] = ((s[sp - 1] & 0xFFFF_FFFFL) - 1) >>> 63;
                case Ops.I32_EQ -> { sp--; s[sp - 1] = (((s[sp - 1] ^ s[sp]) & 0xFFFF_FFFFL) - 1) >>> 63; }
                case Ops.I32_NE -> { sp--; s[sp - 1] = 1 ^ ((((s[sp - 1] ^ s[sp]) & 0xFFFF_FFFFL) - 1) >>> 63); }
                case Ops.I32_LT_S -> { sp--; s[sp - 1] = ((long) (int) s[sp - 1] - (int) s[sp]) >>> 63; }
                case Ops.I32_LT_U -> { sp--; s[sp - 1] = ((s[sp - 1] & 0xFFFF_FFFFL) - (s[sp] & 0xFFFF_FFFFL)) >>> 63; }
                case Ops.I32_GT_S -> { sp--; s[sp - 1] = ((long) (int) s[sp] - (int) s[sp - 1]) >>> 63; }
                case Ops.I32_GT_U -> { sp--; s[sp - 1] = ((s[sp] & 0xFFFF_FFFFL) - (s[sp - 1] & 0xFFFF_FFFFL)) >>> 63; }
                case Ops.I32_LE_S -> { sp--; s[sp - 1] = 1 ^ (((long) (int) s[sp] - (int) s[sp - 1]) >>> 63); }
                case Ops.I32_LE_U -> { sp--; s[sp - 1] = 1 ^ (((s[sp] & 0xFFFF_FFFFL) - (s[sp - 1] & 0xFFFF_FFFFL)) >>> 63); }
                case Ops.I32_GE_S -> { sp--; s[sp - 1] = 1 ^ (((long) (int) s[sp - 1] - (int) s[sp]) >>> 63); }
                case Ops.I32_GE_U -> { sp--; s[sp - 1] = 1 ^ (((s[sp - 1] & 0xFFFF_FFFFL) - (s[sp] & 0xFFFF_FFFFL)) >>> 63); }
                case Ops.I64_EQZ -> s[sp - 1] = (~s[sp - 1] & (s[sp - 1] - 1)) >>> 63;
                case Ops.I64_EQ -> { sp--; long x = s[sp - 1] ^ s[sp]; s[sp - 1] = (~x & (x - 1)) >>> 63; }
                case Ops.I64_NE -> { sp--; long x = s[sp - 1] ^ s[sp]; s[sp - 1] = 1 ^ ((~x & (x - 1)) >>> 63); }
                case Ops.I64_LT_S -> { sp--; s[sp - 1] = Cmp.lt(s[sp - 1], s[sp]); }
                case Ops.I64_LT_U -> { sp--; s[sp - 1] = Cmp.ltU(s[sp - 1], s[sp]); }
                case Ops.I64_GT_S -> { sp--; s[sp - 1] = Cmp.lt(s[sp], s[sp - 1]); }
                case Ops.I64_GT_U -> { sp--; s[sp - 1] = Cmp.ltU(s[sp], s[sp - 1]); }
                case Ops.I64_LE_S -> { sp--; s[sp - 1] = 1 ^ Cmp.lt(s[sp], s[sp - 1]); }
                case Ops.I64_LE_U -> { sp--; s[sp - 1] = 1 ^ Cmp.ltU(s[sp], s[sp - 1]); }
                case Ops.I64_GE_S -> { sp--; s[sp - 1] = 1 ^ Cmp.lt(s[sp - 1], s[sp]); }
                case Ops.I64_GE_U -> { sp--; s[sp - 1] = 1 ^ Cmp.ltU(s[sp - 1], s[sp]); }
                case Ops.F32_EQ -> { sp--; s[sp - 1] = f32(s[sp - 1]) == f32(s[sp]) ? 1 : 0; }
                case Ops.F32_NE -> { sp--; s[sp - 1] = f32(s[sp - 1]) != f32(s[sp]) ? 1 : 0; }
                case Ops.F32_LT -> { sp--; s[sp - 1] = f32(s[sp - 1]) < f32(s[sp]) ? 1 : 0; }
                case Ops.F32_GT -> { sp--; s[sp - 1] = f32(s[sp - 1]) > f32(s[sp]) ? 1 : 0; }
                case Ops.F32_LE -> { sp--; s[sp - 1] = f32(s[sp - 1]) <= f32(s[sp]) ? 1 : 0; }
                case Ops.F32_GE -> { sp--; s[sp - 1] = f32(s[sp - 1]) >= f32(s[sp]) ? 1 : 0; }
                case Ops.F64_EQ -> { sp--; s[sp - 1] = f64(s[sp - 1]) == f64(s[sp]) ? 1 : 0; }
                case Ops.F64_NE -> { sp--; s[sp - 1] = f64(s[sp - 1]) != f64(s[sp]) ? 1 : 0; }
                case Ops.F64_LT -> { sp--; s[sp - 1] = f64(s[sp - 1]) < f64(s[sp]) ? 1 : 0; }
                case Ops.F64_GT -> { sp--; s[sp - 1] = f64(s[sp - 1]) > f64(s[sp]) ? 1 : 0; }
                case Ops.F64_LE -> { sp--; s[sp - 1] = f64(s[sp - 1]) <= f64(s[sp]) ? 1 : 0; }
                case Ops.F64_GE -> { sp--; s[sp - 1] = f64(s[sp - 1]) >= f64(s[sp]) ? 1 : 0; }

                case Ops.I32_ADD -> { sp--; s[sp - 1] = (int) s[sp - 1] + (int) s[sp]; }
                case Ops.I32_SUB -> { sp--; s[sp - 1] = (int) s[sp - 1] - (int) s[sp]; }
                case Ops.I32_MUL -> { sp--; s[sp - 1] = (int) s[sp - 1] * (int) s[sp]; }
                case Ops.I32_DIV_S -> { sp--; s[sp - 1] = Numerics.divS((int) s[sp - 1], (int) s[sp]); }
                case Ops.I32_DIV_U -> { sp--; s[sp - 1] = Numerics.divU((int) s[sp - 1], (int) s[sp]); }
                case Ops.I32_REM_S -> { sp--; s[sp - 1] = Numerics.remS((int) s[sp - 1], (int) s[sp]); }
                case Ops.I32_REM_U -> { sp--; s[sp - 1] = Numerics.remU((int) s[sp - 1], (int) s[sp]); }
                case Ops.I32_AND -> { sp--; s[sp - 1] = (int) s[sp - 1] & (int) s[sp]; }
                case Ops.I32_OR -> { sp--; s[sp - 1] = (int) s[sp - 1] | (int) s[sp]; }
                case Ops.I32_XOR -> { sp--; s[sp - 1] = (int) s[sp - 1] ^ (int) s[sp]; }
                case Ops.I32_SHL -> { sp--; s[sp - 1] = (int) s[sp - 1] << (int) s[sp]; }
                case Ops.I32_SHR_S -> { sp--; s[sp - 1] = (int) s[sp - 1] >> (int) s[sp]; }
                case Ops.I32_SHR_U -> { sp--; s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp]; }
                case Ops.I32_ROTL -> { sp--; s[sp - 1] = Integer.rotateLeft((int) s[sp - 1], (int) s[sp]); }
                case Ops.I32_ROTR -> { sp--; s[sp - 1] = Integer.rotateRight((int) s[sp - 1], (int) s[sp]); }
                case Ops.I64_ADD -> { sp--; s[sp - 1] = s[sp - 1] + s[sp]; }
                case Ops.I64_SUB -> { sp--; s[sp - 1] = s[sp - 1] - s[sp]; }
                case Ops.I64_MUL -> { sp--; s[sp - 1] = s[sp - 1] * s[sp]; }
                case Ops.I64_DIV_S -> { sp--; s[sp - 1] = Numerics.divS(s[sp - 1], s[sp]); }
                case Ops.I64_DIV_U -> { sp--; s[sp - 1] = Numerics.divU(s[sp - 1], s[sp]); }
                case Ops.I64_REM_S -> { sp--; s[sp - 1] = Numerics.remS(s[sp - 1], s[sp]); }
                case Ops.I64_REM_U -> { sp--; s[sp - 1] = Numerics.remU(s[sp - 1], s[sp]); }
                case Ops.I64_AND -> { sp--; s[sp - 1] = s[sp - 1] & s[sp]; }
                case Ops.I64_OR -> { sp--; s[sp - 1] = s[sp - 1] | s[sp]; }
                case Ops.I64_XOR -> { sp--; s[sp - 1] = s[sp - 1] ^ s[sp]; }
                case Ops.I64_SHL -> { sp--; s[sp - 1] = s[sp - 1] << s[sp]; }
                case Ops.I64_SHR_S -> { sp--; s[sp - 1] = s[sp - 1] >> s[sp]; }
                case Ops.I64_SHR_U -> { sp--; s[sp - 1] = s[sp - 1] >>> s[sp]; }

                case Ops.F32_ABS -> s[sp - 1] = (int) s[sp - 1] & 0x7FFF_FFFF;
                case Ops.F32_NEG -> s[sp - 1] = (int) s[sp - 1] ^ 0x8000_0000;
                case Ops.F32_ADD -> { sp--; s[sp - 1] = bits(f32(s[sp - 1]) + f32(s[sp])); }
                case Ops.F32_SUB -> { sp--; s[sp - 1] = bits(f32(s[sp - 1]) - f32(s[sp])); }
                case Ops.F32_MUL -> { sp--; s[sp - 1] = bits(f32(s[sp - 1]) * f32(s[sp])); }
                case Ops.F32_DIV -> { sp--; s[sp - 1] = bits(f32(s[sp - 1]) / f32(s[sp])); }
                case Ops.F64_ABS -> s[sp - 1] = s[sp - 1] & Long.MAX_VALUE;
                case Ops.F64_NEG -> s[sp - 1] = s[sp - 1] ^ Long.MIN_VALUE;
                case Ops.F64_SQRT -> s[sp - 1] = Numerics.dround(s[sp - 1], 4);
                case Ops.F64_ADD -> { sp--; s[sp - 1] = bits(f64(s[sp - 1]) + f64(s[sp])); }
                case Ops.F64_SUB -> { sp--; s[sp - 1] = bits(f64(s[sp - 1]) - f64(s[sp])); }
                case Ops.F64_MUL -> { sp--; s[sp - 1] = bits(f64(s[sp - 1]) * f64(s[sp])); }
                case Ops.F64_DIV -> { sp--; s[sp - 1] = bits(f64(s[sp - 1]) / f64(s[sp])); }

                case Ops.I32_WRAP_I64 -> s[sp - 1] = (int) s[sp - 1];
                case Ops.I64_EXTEND_I32_S -> s[sp - 1] = (int) s[sp - 1];
                case Ops.I64_EXTEND_I32_U -> s[sp - 1] = s[sp - 1] & 0xFFFF_FFFFL;
                case Ops.F64_CONVERT_I32_S -> s[sp - 1] = bits((double) (int) s[sp - 1]);
                case Ops.F64_CONVERT_I32_U -> s[sp - 1] = bits((double) (s[sp - 1] & 0xFFFF_FFFFL));
                case Ops.F64_CONVERT_I64_S -> s[sp - 1] = bits((double) s[sp - 1]);
                case Ops.I32_REINTERPRET_F32, Ops.F32_REINTERPRET_I32 -> s[sp - 1] = (int) s[sp - 1];
                case Ops.I64_REINTERPRET_F64, Ops.F64_REINTERPRET_I64 -> { }

                case Ops.REF_NULL -> r[sp++] = null;
                case Ops.REF_IS_NULL -> {
                    s[sp - 1] = r[sp - 1] == null ? 1 : 0;
                    r[sp - 1] = null;
                }
                case Ops.REF_FUNC -> r[sp++] = c.instance.functions()[code[pc++]];
                case Ops.REF_EQ -> {
                    sp--;
                    s[sp - 1] = refEq(r[sp - 1], r[sp]) ? 1 : 0;
                    r[sp - 1] = null;
                }
                case Ops.BR_ON_CAST_OP -> {
                    if (Gc.test(r[sp - 1], code[pc + 4] != 0, code[pc + 5], c.instance) != (code[pc + 3] != 0)) {
                        sp = moveDown(sp, code[pc + 1], fp + code[pc + 2]);
                        pc = code[pc];
                    } else {
                        pc += 6;
                    }
                }
                case Ops.REF_AS_NON_NULL -> {
                    if (r[sp - 1] == null) {
                        throw trap(Traps.NULL_REFERENCE);
                    }
                }
                case Ops.EXT -> {
                    int at = pc;
                    pc = code[at];
                    sp = Ext.exec(this, c.instance, code, at + 1, sp);
                }
                case Ops.THROW -> throw newException(c.instance.tags()[code[pc]], sp);
                case Ops.RETHROW_SLOT -> throw new WebAssemblyException((ExceptionInstance) r[fp + code[pc]]);
                case Ops.THROW_REF -> {
                    if (r[sp - 1] == null) {
                        throw trap(Traps.NULL_EXCEPTION);
                    }
                    throw new WebAssemblyException((ExceptionInstance) r[sp - 1]);
                }
                case Ops.UNSUPPORTED -> throw Interpreter.unsupported(code[pc - 1], code[pc]);
                default -> sp = Cold.exec(code[pc - 1], s, sp);
            }
            }
          } catch (Trap t) {
            t.addFrame(frame(c, pc));
            for (int d = depth - 1; d >= baseDepth && t.wasmStackTrace().size() < MAX_TRACE; d--) {
                t.addFrame(frame(frameCode[d], framePc[d]));
            }
            throw t;
          } catch (WebAssemblyException e) {
            // Unwind to the innermost handler that catches it, frame by frame.
            ExceptionInstance exn = e.exception();
            int h;
            while ((h = findHandler(c, pc, exn)) < 0) {
                if (depth == baseDepth) {
                    throw e;
                }
                int d = --depth;
                c = frameCode[d];
                pc = framePc[d];
                fp = frameFp[d];
            }
            code = c.code;
            s = this.s;
            r = this.r;
            sp = catchInto(c.handlers, h, exn, fp);
            pc = c.handlers[h + 2];
          }
        }
    }

    /**
     * The offset in {@code c.handlers} of the catch clause that catches {@code exn} thrown at
     * {@code pc} (just past the throwing instruction's start, or the return address of a call),
     * or -1 if none does in this frame. A legacy delegate continues the search from its target
     * label's place.
     */
    private static int findHandler(Compiled c, int pc, ExceptionInstance exn) {
        int[] hs = c.handlers;
        int h = 0;
        while (h < hs.length) {
            int count = hs[h + 2];
            if (hs[h] < pc && pc <= hs[h + 1]) {
                for (int k = 0; k < count; k++) {
                    int at = h + 3 + 5 * k;
                    int kind = hs[at];
                    if (kind == Translator.KIND_DELEGATE) {
                        if (hs[at + 1] < 0) {
                            return -1;
                        }
                        pc = hs[at + 3];
                        h = hs[at + 1];
                        count = -1;
                        break;
                    }
                    boolean all = kind == 2 || kind == 3 || kind == Translator.KIND_LEGACY_CATCH_ALL;
                    if (all || c.instance.tags()[hs[at + 1]] == exn.tag()) {
                        return at;
                    }
                }
                if (count < 0) {
                    continue;
                }
            }
            h += 3 + 5 * count;
        }
        return -1;
    }

    /** Puts what catch clause {@code at} receives on the stack; returns the new stack pointer. */
    private int catchInto(int[] hs, int at, ExceptionInstance exn, int fp) {
        int kind = hs[at];
        int sp = fp + hs[at + 4];
        if (kind == 0 || kind == 1 || kind == Translator.KIND_LEGACY_CATCH) {
            int n = exn.values().length;
            System.arraycopy(exn.values(), 0, s, sp, n);
            System.arraycopy(exn.refs(), 0, r, sp, n);
            sp += n;
        }
        if (kind == 1 || kind == 3) {
            r[sp++] = exn;
        }
        if (kind >= Translator.KIND_LEGACY_CATCH) {
            r[fp + hs[at + 3]] = exn; // for rethrow in the arm
        }
        return sp;
    }

    /** A trap's stack frame for a function that was at {@code pc}. */
    private static Trap.Frame frame(Compiled c, int pc) {
        var names = c.instance.module().module().names();
        return new Trap.Frame(names.module(), c.function.index(), names.functions().get(c.function.index()),
                c.wasmOffset(pc));
    }

    /** ref.eq: identity, except that i31 references are equal by value. */
    private static boolean refEq(Object a, Object b) {
        return a == b || (a instanceof dev.jawa.runtime.I31Ref && a.equals(b));
    }

    /** A new exception of {@code tag} with the payload on top of the stack. */
    private WebAssemblyException newException(TagInstance tag, int sp) {
        int n = ((FuncType) tag.type().subType().composite()).params().size();
        long[] values = Arrays.copyOfRange(s, sp - n, sp);
        Object[] refs = Arrays.copyOfRange(r, sp - n, sp);
        return new WebAssemblyException(new ExceptionInstance(tag, values, refs));
    }

    private static float f32(long v) {
        return Float.intBitsToFloat((int) v);
    }

    private static double f64(long v) {
        return Double.longBitsToDouble(v);
    }

    private static long bits(float f) {
        return Float.floatToRawIntBits(f);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }
}
