package dev.jawa.interp;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Function;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.WasmFunction;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import dev.jawa.validate.FunctionInfo;
import java.util.Arrays;

/**
 * Translates a validated function body into the interpreter's int code, in one pass over the
 * instruction bytes, using the validator's branch side table (see {@link FunctionInfo}) for every
 * branch target and stack height: no control stack is rebuilt here.
 *
 * <p>Layouts (immediates after the operation number):
 * <ul>
 *   <li>{@code block}, {@code loop}, {@code nop} and inner {@code end}: nothing (a branch to a
 *       block lands where its {@code end} was, a branch to a loop at its first instruction);
 *       the function's final {@code end}: {@code RETURN};</li>
 *   <li>{@code br}, {@code br_if}, {@code br_on_null}, {@code br_on_non_null}:
 *       {@code target, arity, height}, where height is frame-relative (locals included);</li>
 *   <li>{@code br_table}: {@code n}, then {@code n + 1} triples as above (the default last);</li>
 *   <li>{@code if}: the code index of the else arm (or the end); {@code else}: {@code JUMP end};</li>
 *   <li>loads and stores on memory 0 when 32-bit: {@code add, offset}, the address being
 *       {@code (operand + add) mod 2^32 + offset} ({@code add} is 0 unless an {@code i32.const;
 *       i32.add} before a load was fused into it); everything else rare goes
 *       through {@code EXT} (see {@link Ops#EXT}).</li>
 * </ul>
 */
final class Translator {

    private static final Opcode[] OPCODES = Opcode.values();

    private final WasmFunction function;
    private final FunctionInfo info;
    private final ModuleInstance instance;
    private final Module module;
    private int[] out = new int[64];
    private int n;
    /** Code index of each body offset that starts an instruction. */
    private int[] pcMap;
    /** Pairs (code index to patch, body offset of the target). */
    private int[] fixups = new int[32];
    private int fixupCount;
    /**
     * The peephole's memory: the operation of the instruction just emitted, if a following one
     * may fuse with it (-1 otherwise), and its code index. Every instruction that is not
     * explicitly fusable resets it, so a branch target (always at a block, loop, else or end,
     * which emit nothing fusable) never falls inside a fused pair.
     */
    private int fuseOp = -1;
    private int fuseAt;
    /** For an {@code i32.const} just emitted: the code index of a fusable local.get right before it, or -1. */
    private int getBeforeConst = -1;
    /** Handler clause kinds beyond try_table's four (Catch.Kind ordinals 0 to 3). */
    static final int KIND_LEGACY_CATCH = 4;
    static final int KIND_LEGACY_CATCH_ALL = 5;
    static final int KIND_DELEGATE = 6;

    private final java.util.ArrayList<Block> blocks = new java.util.ArrayList<>();
    private int blockCount;
    /** Per block id, in closing order: the number of handler records before it closed. */
    private final IntList closeIndex = new IntList();
    private final IntList closeId = new IntList();
    private final IntList handlers = new IntList();
    /** Pairs (code index of a loop's first instruction, body offset of its {@code loop}). */
    private final IntList loopHeads = new IntList();
    /** Pairs (code index, body offset) of the instructions that can trap or call. */
    private final IntList trapOffsets = new IntList();
    private int handlerRecords;
    private int hiddenBase;
    private int openLegacy;
    private int hiddenSlots;
    private int currentLocals;

    private Translator(WasmFunction function) {
        this.function = function;
        this.info = function.info();
        this.instance = function.instance();
        this.module = instance.module().module();
    }

    static Compiled translate(WasmFunction function) {
        return new Translator(function).run();
    }

    private Compiled run() {
        Function def = function.definition();
        FuncType type = function.funcType();
        long localCount = info.localCount();
        if (localCount > Machine.MAX_SLOTS) {
            throw new dev.jawa.Trap(dev.jawa.runtime.Traps.STACK_EXHAUSTED);
        }
        int nLocals = (int) localCount;
        boolean[] refLocal = new boolean[nLocals];
        int i = 0;
        for (ValType t : type.params()) {
            refLocal[i++] = isRef(t);
        }
        IntList v128Locals = new IntList();
        for (LocalGroup g : def.locals()) {
            boolean ref = isRef(g.type());
            for (long k = 0; k < g.count(); k++) {
                if (g.type() == dev.jawa.types.VecType.V128) {
                    v128Locals.add(i);
                }
                refLocal[i++] = ref;
            }
        }
        // Legacy try blocks keep their caught exception (for rethrow) in hidden locals after the
        // declared ones; the operand stack starts after them.
        hiddenBase = nLocals;
        int frameLocals = nLocals + legacyTryDepth(def.body());
        currentLocals = frameLocals;
        InstructionReader in = def.body().reader();
        int bodyLength = def.body().length();
        pcMap = new int[bodyLength + 1];
        int entry = 0;
        while (true) {
            int at = in.position();
            if (at >= bodyLength) {
                break;
            }
            pcMap[at] = n;
            Opcode op = in.next();
            int prevOp = fuseOp;
            int prevAt = fuseAt;
            fuseOp = -1;
            int start = n;
            // Where the instruction's code starts: before start when it was fused into the previous one.
            int codeStart = start;
            switch (op) {
                case NOP -> {
                }
                case BLOCK -> openBlock(at, null, false, entry);
                case LOOP -> {
                    // Remembered for on-stack replacement: where the loop starts in the code and in the body.
                    loopHeads.add(n);
                    loopHeads.add(at);
                    openBlock(at, null, false, entry);
                }
                case TRY -> openBlock(at, null, true, entry);
                case TRY_TABLE -> openBlock(at, in.catches(), false, entry);
                case END -> {
                    if (in.position() >= bodyLength) {
                        emit(Ops.RETURN);
                    } else {
                        closeBlock(frameLocals);
                    }
                }
                case DELEGATE -> delegate(info.targetPc(entry), frameLocals);
                case RETHROW -> {
                    emit(Ops.RETHROW_SLOT);
                    emit(blocks.get(blocks.size() - 1 - in.index()).slot);
                }
                case THROW -> {
                    emit(Ops.THROW);
                    emit(in.index());
                }
                case THROW_REF -> emit(Ops.THROW_REF);
                case BR_ON_CAST, BR_ON_CAST_FAIL -> {
                    emit(Ops.BR_ON_CAST_OP);
                    branch(entry, frameLocals);
                    emit(op == Opcode.BR_ON_CAST_FAIL ? 1 : 0);
                    emit(in.refType2().nullable() ? 1 : 0);
                    emit(Gc.heapCode(in.refType2().heapType()));
                }
                case CATCH, CATCH_ALL -> {
                    // Falling into a catch arm from the preceding arm goes to the end (the first
                    // entry); the arm itself is where the handler table sends a caught exception.
                    emit(Ops.JUMP);
                    target(info.targetPc(entry));
                    legacyCatch(op == Opcode.CATCH ? in.index() : -1, in.position());
                }
                case IF -> {
                    openBlock(at, null, false, entry);
                    emit(Ops.IF);
                    target(info.targetPc(entry++));
                }
                case ELSE -> {
                    emit(Ops.JUMP);
                    target(info.targetPc(entry++));
                }
                case BR, BR_IF, BR_ON_NULL, BR_ON_NON_NULL -> {
                    // Fusing a comparison into br_if was tried and measured slower (mandelbrot twice
                    // as slow): HotSpot compiled the loop worse.
                    boolean back = info.targetPc(entry) <= at;
                    emit(back && op == Opcode.BR ? Ops.BR_BACK : back && op == Opcode.BR_IF ? Ops.BR_IF_BACK
                            : op == Opcode.BR_IF && info.arity(entry) == 0 ? Ops.BR_IF0 : op.ordinal());
                    branch(entry++, frameLocals);
                }
                case BR_TABLE -> {
                    int[] labels = in.labels();
                    emit(Ops.BR_TABLE);
                    emit(labels.length);
                    for (int k = 0; k <= labels.length; k++) {
                        branch(entry++, frameLocals);
                    }
                }
                case RETURN, UNREACHABLE, DROP, SELECT, REF_IS_NULL, REF_EQ, REF_AS_NON_NULL -> emit(op.ordinal());
                case SELECT_T -> emit(Ops.SELECT);
                case CALL, RETURN_CALL, REF_FUNC, CALL_REF, RETURN_CALL_REF -> {
                    emit(op.ordinal());
                    emit(in.index());
                }
                case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                    emit(op.ordinal());
                    emit(in.index());
                    emit(in.index2());
                }
                case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> {
                    int x = in.index();
                    int base = refLocal[x] ? Ops.LOCAL_GET_REF - Ops.LOCAL_GET : 0;
                    if (op == Opcode.LOCAL_GET && base == 0 && prevOp == Ops.LOCAL_GET && prevAt == n - 2) {
                        out[prevAt] = Ops.LOCAL_GET2;
                        emit(x);
                        fuseOp = Ops.LOCAL_GET2;
                        fuseAt = prevAt;
                    } else if (op != Opcode.LOCAL_GET && base == 0 && prevOp == Ops.LOCAL_GET_ADD_CONST
                            && prevAt == n - 3) {
                        // local.get x; i32.const c; i32.add; local.set/tee y: a counter step, in one.
                        out[prevAt] = op == Opcode.LOCAL_SET ? Ops.LOCAL_ADD_CONST_SET : Ops.LOCAL_ADD_CONST_TEE;
                        emit(x);
                    } else if (op == Opcode.LOCAL_GET && base == 0 && prevOp == Ops.LOCAL_SET && prevAt == n - 2) {
                        out[prevAt] = Ops.LOCAL_SET_GET;
                        emit(x);
                    } else {
                        emit(op.ordinal() + base);
                        emit(x);
                        if ((op == Opcode.LOCAL_GET || op == Opcode.LOCAL_SET) && base == 0) {
                            fuseOp = op.ordinal();
                            fuseAt = start;
                        }
                    }
                }
                case GLOBAL_GET, GLOBAL_SET -> {
                    int x = in.index();
                    boolean ref = isRef(module.globalTypes().get(x).valType());
                    emit(ref ? op.ordinal() - Ops.GLOBAL_GET + Ops.GLOBAL_GET_REF : op.ordinal());
                    emit(x);
                }
                case REF_NULL -> emit(Ops.REF_NULL);
                case I32_CONST, F32_CONST -> {
                    getBeforeConst = prevOp == Ops.LOCAL_GET && prevAt == n - 2 ? prevAt : -1;
                    emit(op.ordinal());
                    emit((int) in.bits());
                    if (op == Opcode.I32_CONST) {
                        fuseOp = Ops.I32_CONST;
                        fuseAt = start;
                    }
                }
                case I64_CONST, F64_CONST -> {
                    emit(op.ordinal());
                    long b = in.bits();
                    emit((int) b);
                    emit((int) (b >>> 32));
                }
                case I32_ADD, I32_SUB -> {
                    if (prevOp == Ops.I32_CONST && prevAt == n - 2) {
                        // x - c is x + (-c) in wrapping arithmetic.
                        int c = op == Opcode.I32_SUB ? -out[prevAt + 1] : out[prevAt + 1];
                        int g = getBeforeConst;
                        if (g >= 0 && g == prevAt - 2) {
                            out[g] = Ops.LOCAL_GET_ADD_CONST;
                            out[g + 2] = c;
                            n = g + 3;
                            fuseOp = Ops.LOCAL_GET_ADD_CONST;
                            fuseAt = g;
                        } else {
                            out[prevAt] = Ops.I32_ADD_CONST;
                            out[prevAt + 1] = c;
                            fuseOp = Ops.I32_ADD_CONST;
                            fuseAt = prevAt;
                        }
                    } else if (op == Opcode.I32_ADD && prevOp == Ops.LOCAL_GET && prevAt == n - 2) {
                        out[prevAt] = Ops.I32_ADD_LOCAL;
                    } else if (op == Opcode.I32_ADD && prevOp == Ops.LOCAL_GET2 && prevAt == n - 3) {
                        out[prevAt] = Ops.LOCAL_GET2_ADD;
                    } else {
                        emit(op.ordinal());
                    }
                }
                case I32_AND, I32_OR, I32_XOR, I32_SHL, I32_SHR_U, I32_ROTL -> {
                    if (prevOp == Ops.I32_CONST && prevAt == n - 2) {
                        out[prevAt] = switch (op) {
                            case I32_AND -> Ops.I32_AND_CONST;
                            case I32_OR -> Ops.I32_OR_CONST;
                            case I32_XOR -> Ops.I32_XOR_CONST;
                            case I32_SHL -> Ops.I32_SHL_CONST;
                            case I32_SHR_U -> Ops.I32_SHR_U_CONST;
                            default -> Ops.I32_ROTL_CONST;
                        };
                    } else {
                        emit(op.ordinal());
                    }
                }
                case I32_LOAD, F32_LOAD, I64_LOAD, F64_LOAD, I32_LOAD8_U, I32_LOAD8_S, I32_LOAD16_S,
                     I32_LOAD16_U, I64_LOAD8_S, I64_LOAD8_U, I64_LOAD16_S, I64_LOAD16_U, I64_LOAD32_S,
                     I64_LOAD32_U -> {
                    boolean local = op == Opcode.I32_LOAD || op == Opcode.F32_LOAD || op == Opcode.I64_LOAD
                            || op == Opcode.F64_LOAD || op == Opcode.I32_LOAD8_U;
                    if (!fastMemory(in)) {
                        other(op, in, entry);
                    } else if (local && prevOp == Ops.LOCAL_GET && prevAt == n - 2) {
                        // [op, x, add, offset]: the local's index stays where local.get put it.
                        out[prevAt] = localLoad(op);
                        emit(0);
                        emit((int) in.memOffset());
                        codeStart = prevAt;
                        fuseF64Load(op, prevAt);
                    } else if (local && prevOp == Ops.LOCAL_GET_ADD_CONST && prevAt == n - 3) {
                        out[prevAt] = localLoad(op); // local and constant stay in place
                        emit((int) in.memOffset());
                        codeStart = prevAt;
                        fuseF64Load(op, prevAt);
                    } else if (prevOp == Ops.I32_ADD_CONST && prevAt == n - 2) {
                        // The constant stays in place as the load's add (see other()).
                        out[prevAt] = op.ordinal();
                        emit((int) in.memOffset());
                        codeStart = prevAt;
                    } else {
                        other(op, in, entry);
                    }
                }
                case F64_ADD, F64_MUL -> {
                    if (prevOp == Ops.I64_LOAD_LOCAL && prevAt == n - 4) {
                        // An f64 load from a local's address, then arithmetic with the value below it.
                        out[prevAt] = op == Opcode.F64_ADD ? Ops.F64_ADD_LOAD_LOCAL : Ops.F64_MUL_LOAD_LOCAL;
                    } else {
                        emit(op.ordinal());
                    }
                }
                default -> other(op, in, entry);
            }
            if (n > start && mayTrapOrCall(op)) {
                trapOffsets.add(codeStart);
                trapOffsets.add(at);
            }
            entry += extraEntries(op, in);
        }
        int[] code = Arrays.copyOf(out, n);
        for (int f = 0; f < fixupCount; f += 2) {
            code[fixups[f]] = pcMap[fixups[f + 1]];
        }
        int[] handlerTable = handlers.toArray();
        int[] offsets = new int[handlerRecords + 1];
        int rec = 0;
        for (int h = 0; h < handlerTable.length; h += 3 + 5 * handlerTable[h + 2]) {
            offsets[rec++] = h;
        }
        offsets[rec] = handlerTable.length;
        for (int h = 0; h < handlerTable.length; h += 3 + 5 * handlerTable[h + 2]) {
            for (int k = 0; k < handlerTable[h + 2]; k++) {
                int at = h + 3 + 5 * k;
                if (handlerTable[at] == KIND_DELEGATE) {
                    int id = handlerTable[at + 1];
                    handlerTable[at + 1] = id < 0 ? -1 : offsets[blockCloseIndex(id)];
                } else {
                    handlerTable[at + 2] = pcMap[handlerTable[at + 2]];
                }
            }
        }
        boolean refResults = false;
        for (ValType t : type.results()) {
            refResults |= isRef(t);
        }
        return new Compiled(function, code, type.params().size(), frameLocals, type.results().size(), refResults,
                info.maxStackHeight(), refLocal, v128Locals.toArray(), handlerTable, trapOffsets.toArray(),
                loopHeads.toArray());
    }

    /**
     * Whether {@code op} can trap or call (and so needs its offset for stack traces). Anything
     * not known to be harmless counts, so that no trap is ever attributed to an earlier
     * instruction.
     */
    private static boolean mayTrapOrCall(Opcode op) {
        switch (op) {
            case NOP, BLOCK, LOOP, TRY, TRY_TABLE, END, ELSE, IF, BR, BR_IF, BR_TABLE, BR_ON_NULL, BR_ON_NON_NULL,
                 CATCH, CATCH_ALL, DELEGATE, LOCAL_GET, LOCAL_SET, LOCAL_TEE, GLOBAL_GET, GLOBAL_SET, I32_CONST,
                 I64_CONST, F32_CONST, F64_CONST, DROP, SELECT, SELECT_T, REF_NULL, REF_IS_NULL, REF_EQ, REF_FUNC,
                 RETURN -> {
                return false;
            }
            default -> {
                if (op.prefix() == 0 && op.imm() == Opcode.Imm.NONE && op.stack() != null) {
                    String m = op.mnemonic(); // plain numeric operators trap only when they divide or truncate
                    return m.contains(".div_") || m.contains(".rem_") || m.contains(".trunc_f");
                }
                return true;
            }
        }
    }

    /** Side-table entries owned by instructions this translator does not branch through yet. */
    private static int extraEntries(Opcode op, InstructionReader in) {
        return switch (op) {
            case TRY_TABLE -> in.catches().length;
            case TRY, DELEGATE, BR_ON_CAST, BR_ON_CAST_FAIL -> 1;
            case CATCH, CATCH_ALL -> 2;
            default -> 0;
        };
    }

    private void other(Opcode op, InstructionReader in, int entry) {
        if (op.prefix() == 0 && op.imm() == Opcode.Imm.NONE && op.stack() != null) {
            emit(op.ordinal()); // a numeric operator: the loop runs it by its ordinal
            return;
        }
        if (op.isMemoryAccess() && op.prefix() == 0 && fastMemory(in)) {
            // [op, add, offset]: the address is (operand + add) mod 2^32 plus the offset; add is
            // 0 here and the constant of a fused i32.const + i32.add before a load.
            emit(op.ordinal());
            emit(0);
            emit((int) in.memOffset());
            return;
        }
        int[] imm = Ext.immediates(op, in);
        if (imm == null) {
            emit(Ops.UNSUPPORTED);
            emit(op.ordinal());
            return;
        }
        emit(Ops.EXT);
        emit(n + 2 + imm.length);
        emit(op.ordinal());
        for (int v : imm) {
            emit(v);
        }
    }

    /** After an f64 load fused with its address at {@code at}: lets an f64.add or f64.mul that follows take it in. */
    private void fuseF64Load(Opcode op, int at) {
        if (op == Opcode.F64_LOAD) {
            fuseOp = Ops.I64_LOAD_LOCAL;
            fuseAt = at;
        }
    }

    /** The fused form of a load whose address is a local (plus a constant). */
    private static int localLoad(Opcode op) {
        return switch (op) {
            case I32_LOAD, F32_LOAD -> Ops.I32_LOAD_LOCAL;
            case I64_LOAD, F64_LOAD -> Ops.I64_LOAD_LOCAL;
            default -> Ops.I32_LOAD8_U_LOCAL;
        };
    }

    /** Whether the memory access just read runs in the loop: memory 0, 32-bit, an offset below 2^32. */
    private boolean fastMemory(InstructionReader in) {
        return in.memIndex() == 0 && !instance.memories()[0].is64()
                && Long.compareUnsigned(in.memOffset(), 0xFFFF_FFFFL) <= 0;
    }

    /** An open block, as far as exception handling needs to know it. */
    private static final class Block {
        final int openPc;
        final int id;
        final int startCode;
        final dev.jawa.module.Catch[] catches;
        final int firstEntry;
        final boolean legacyTry;
        /** For a legacy try: the frame slot its catch arms keep the caught exception in. */
        int slot = -1;
        /** For a legacy try: where its body ends (at the first catch), or -1. */
        int bodyEnd = -1;
        final IntList clauses = new IntList();

        Block(int openPc, int id, int startCode, dev.jawa.module.Catch[] catches, boolean legacyTry, int firstEntry) {
            this.openPc = openPc;
            this.id = id;
            this.startCode = startCode;
            this.catches = catches;
            this.legacyTry = legacyTry;
            this.firstEntry = firstEntry;
        }
    }

    private void openBlock(int openPc, dev.jawa.module.Catch[] catches, boolean legacyTry, int firstEntry) {
        Block b = new Block(openPc, blockCount++, n, catches, legacyTry, firstEntry);
        if (legacyTry) {
            b.slot = hiddenBase + openLegacy++;
            hiddenSlots = Math.max(hiddenSlots, openLegacy);
        }
        blocks.add(b);
    }

    /** A legacy {@code catch} ({@code tag} >= 0) or {@code catch_all} arm starting at body offset {@code armPc}. */
    private void legacyCatch(int tag, int armPc) {
        Block b = blocks.get(blocks.size() - 1);
        if (b.bodyEnd < 0) {
            b.bodyEnd = n;
        }
        b.clauses.add(tag >= 0 ? KIND_LEGACY_CATCH : KIND_LEGACY_CATCH_ALL);
        b.clauses.add(Math.max(tag, 0));
        b.clauses.add(armPc); // a body offset until the end of translation
        b.clauses.add(b.slot);
        b.clauses.add(tryHeight(b));
    }

    private int tryHeight(Block b) {
        return info.targetHeight(b.firstEntry) + currentLocals;
    }

    /**
     * Leaves a block. A try_table's or legacy try's handlers go into the table as
     * {@code [start, end, count, (kind, tag, target, arity-or-slot, height) * count]}. Inner
     * blocks close first, so a search in table order finds the innermost handler first.
     */
    private void closeBlock(int nLocals) {
        Block b = blocks.remove(blocks.size() - 1);
        closeIndex.add(handlerRecords);
        closeId.add(b.id);
        if (b.legacyTry) {
            openLegacy--;
            if (b.bodyEnd >= 0) {
                record(b.startCode, b.bodyEnd, b.clauses);
            }
            return;
        }
        if (b.catches == null) {
            return;
        }
        IntList clauses = new IntList();
        for (int k = 0; k < b.catches.length; k++) {
            int e = b.firstEntry + k;
            clauses.add(b.catches[k].kind().ordinal());
            clauses.add(b.catches[k].tag());
            clauses.add(info.targetPc(e)); // a body offset until the end of translation
            clauses.add(info.arity(e));
            clauses.add(info.targetHeight(e) + nLocals);
        }
        record(b.startCode, n, clauses);
    }

    /**
     * A legacy {@code delegate}, ending a try: an exception leaving its body continues its search
     * as if thrown inside the target label's block (the function's label: to the caller).
     */
    private void delegate(int targetOpenPc, int nLocals) {
        Block b = blocks.remove(blocks.size() - 1);
        closeIndex.add(handlerRecords);
        closeId.add(b.id);
        openLegacy--;
        IntList clause = new IntList();
        clause.add(KIND_DELEGATE);
        // The search resumes at the delegating try's own place, but only among the handlers that
        // close with or after the target block: so the target's handlers apply exactly when the
        // try sits in the target's body (not in one of its catch arms).
        int targetId = -1;
        int resumePc = b.startCode + 1;
        for (Block outer : blocks) {
            if (outer.openPc == targetOpenPc) {
                targetId = outer.id;
            }
        }
        clause.add(targetId); // a block id until the end of translation: then its close index
        clause.add(-1);
        clause.add(resumePc);
        clause.add(0);
        record(b.startCode, n, clause);
    }

    /** The deepest nesting of legacy try blocks in {@code body} (0 without any, found cheaply). */
    private static int legacyTryDepth(dev.jawa.module.Expr body) {
        boolean maybe = false;
        for (int i = 0; i < body.length() && !maybe; i++) {
            maybe = body.byteAt(i) == 0x06;
        }
        if (!maybe) {
            return 0;
        }
        InstructionReader in = body.reader();
        int open = 0;
        int max = 0;
        int depth = 0;
        java.util.BitSet isTry = new java.util.BitSet();
        while (in.position() < body.length()) {
            switch (in.next()) {
                case BLOCK, LOOP, IF, TRY_TABLE -> depth++;
                case TRY -> {
                    isTry.set(depth++);
                    max = Math.max(max, ++open);
                }
                case END, DELEGATE -> {
                    if (depth > 0 && isTry.get(--depth)) {
                        isTry.clear(depth);
                        open--;
                    }
                }
                default -> {
                }
            }
        }
        return max;
    }

    /** The number of handler records that closed before block {@code id} did. */
    private int blockCloseIndex(int id) {
        for (int k = 0; k < closeId.n; k++) {
            if (closeId.a[k] == id) {
                return closeIndex.a[k];
            }
        }
        return handlerRecords;
    }

    private void record(int start, int end, IntList clauses) {
        handlers.add(start);
        handlers.add(end);
        handlers.add(clauses.n / 5);
        for (int k = 0; k < clauses.n; k++) {
            handlers.add(clauses.a[k]);
        }
        handlerRecords++;
    }

    private void branch(int e, int nLocals) {
        target(info.targetPc(e));
        emit(info.arity(e));
        emit(info.targetHeight(e) + nLocals);
    }

    private void target(int bodyPc) {
        if (fixupCount + 2 > fixups.length) {
            fixups = Arrays.copyOf(fixups, fixups.length * 2);
        }
        fixups[fixupCount++] = n;
        fixups[fixupCount++] = bodyPc;
        emit(-1);
    }

    private void emit(int v) {
        if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = v;
    }

    /** A growable list of ints. */
    private static final class IntList {
        int[] a = new int[4];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    static boolean isRef(ValType t) {
        return !(t instanceof NumType);
    }
}
