package dev.jawa.validate;

import static dev.jawa.validate.TypeCodes.*;

import dev.jawa.InvalidModuleException;
import dev.jawa.binary.InstructionReader;
import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.Opcode;
import dev.jawa.types.RefType;
import dev.jawa.types.ValType;
import java.util.Arrays;
import java.util.HashMap;

/**
 * Type-checks instruction sequences (function bodies and constant expressions) in one pass
 * over their bytes, following the spec's validation algorithm (appendix "Validation
 * Algorithm"): an operand stack of type codes, an explicit control stack (so nesting depth
 * never touches the Java stack), and an initialization stack for non-defaultable locals.
 *
 * <p>All stacks are arrays reused across the bodies of a module, so the hot loop allocates
 * nothing beyond what {@link InstructionReader} allocates for variable-length immediates.
 * While checking a body it also builds the body's branch side table and measures its maximum
 * operand-stack height ({@link FunctionInfo}).
 */
final class CodeValidator {

    // Control frame kinds.
    private static final int K_FUNC = 0;
    private static final int K_BLOCK = 1;
    private static final int K_LOOP = 2;
    private static final int K_IF = 3;
    private static final int K_ELSE = 4;
    private static final int K_TRY_TABLE = 5;
    private static final int K_TRY = 6;
    private static final int K_CATCH = 7;
    private static final int K_CATCH_ALL = 8;

    private static final int[] NONE = new int[0];
    private static final int[][] SINGLE = new int[V128 + 1][];

    static {
        for (int t = I32; t <= V128; t++) {
            SINGLE[t] = new int[] {t};
        }
    }

    private final ModuleContext cx;
    private final ModuleTypes types;
    private final Locals locals = new Locals();
    private final SideTableBuilder side = new SideTableBuilder();
    private final HashMap<Integer, int[]> singleRefs = new HashMap<>();

    // Operand stack.
    private int[] vals = new int[256];
    private int sp;
    private int maxHeight;

    // Control stack, as parallel arrays.
    private int depth;
    private int[] cKind = new int[64];
    private int[][] cParams = new int[64][];
    private int[][] cResults = new int[64][];
    private int[] cHeight = new int[64];
    private int[] cInit = new int[64];
    private boolean[] cUnreachable = new boolean[64];
    /** Head of the chain of side-table entries waiting for this label's end. */
    private int[] cPending = new int[64];
    /** if: its false-branch entry; try/catch: the pending handler-dispatch entry. */
    private int[] cEntry = new int[64];
    /** loop: where branches to it continue (pc and side-table pointer). */
    private int[] cLoopPc = new int[64];
    private int[] cLoopStp = new int[64];
    /** The body offset of the instruction that opened the frame (-1 for the function). */
    private int[] cOpenPc = new int[64];

    private int[] scratch = new int[16];
    private int[] returnTypes = NONE;
    private int funcIndex = -1;
    private int pc;
    private boolean constMode;
    private int constGlobalLimit;

    // The block type of the last block, loop, if, try or try_table.
    private int[] bParams;
    private int[] bResults;

    CodeValidator(ModuleContext cx) {
        this.cx = cx;
        this.types = cx.types;
    }

    // ---- entry points ---------------------------------------------------------------------

    /** Validates the body of function {@code index} (defined function {@code f}). */
    FunctionInfo validateFunction(int index, Function f) {
        funcIndex = index;
        constMode = false;
        int t = f.typeIndex();
        int[] params = types.params[t];
        returnTypes = types.results[t];
        try {
            locals.reset(params, f, types);
        } catch (InvalidModuleException e) {
            throw located(e);
        }
        side.reset();
        run(f.body());
        return new FunctionInfo(t, params.length, locals.count(), maxHeight, side.toArray());
    }

    /**
     * Validates constant expression {@code e} of result type {@code expected}, which may read the
     * globals with index below {@code globalLimit}.
     */
    void validateConst(Expr e, int expected, int globalLimit) {
        funcIndex = -1;
        constMode = true;
        constGlobalLimit = globalLimit;
        returnTypes = single(expected);
        locals.clear();
        side.reset();
        run(e);
    }

    private void run(Expr body) {
        sp = 0;
        maxHeight = 0;
        depth = 0;
        pc = 0;
        InstructionReader r = body.reader();
        try {
            pushCtrl(K_FUNC, NONE, returnTypes, -1);
            while (depth > 0) {
                pc = r.position();
                Opcode op = r.next();
                int ord = op.ordinal();
                if (constMode && !Signatures.CONSTANT[ord]) {
                    throw err("constant expression required");
                }
                if (Signatures.SIMPLE[ord]) {
                    // Operators and constants: the opcode table says it all.
                    int[] pops = Signatures.POPS[ord];
                    for (int i = pops.length - 1; i >= 0; i--) {
                        pop(pops[i]);
                    }
                    int p = Signatures.PUSH[ord];
                    if (p != 0) {
                        push(p);
                    }
                } else {
                    step(op, r);
                }
            }
            if (r.hasMore()) {
                pc = r.position();
                throw err("operators remaining after end of function");
            }
        } catch (InvalidModuleException e) {
            throw located(e);
        }
    }

    private InvalidModuleException located(InvalidModuleException e) {
        if (e.functionIndex() >= 0 || e.offset() >= 0) {
            return e;
        }
        return new InvalidModuleException(e.reason(), funcIndex, pc);
    }

    private InvalidModuleException err(String reason) {
        return new InvalidModuleException(reason, funcIndex, pc);
    }

    // ---- operand stack --------------------------------------------------------------------

    private void push(int t) {
        if (sp == vals.length) {
            vals = Arrays.copyOf(vals, sp * 2);
        }
        vals[sp++] = t;
        if (sp > maxHeight) {
            maxHeight = sp;
        }
    }

    private void pushAll(int[] ts) {
        for (int t : ts) {
            push(t);
        }
    }

    /** Pops any value; BOT when the frame is unreachable and holds no value. */
    private int pop() {
        int f = depth - 1;
        if (sp > cHeight[f]) {
            return vals[--sp];
        }
        if (cUnreachable[f]) {
            return BOT;
        }
        throw err("type mismatch: instruction requires a value but stack has []");
    }

    /** Pops a value that must match {@code expect}; returns the actual type. */
    private int pop(int expect) {
        int f = depth - 1;
        if (sp > cHeight[f]) {
            int t = vals[--sp];
            if (t == expect || t == BOT || types.matches(t, expect)) {
                return t;
            }
            throw err("type mismatch: instruction requires [" + name(expect) + "] but stack has [" + name(t) + "]");
        }
        if (cUnreachable[f]) {
            return BOT;
        }
        throw err("type mismatch: instruction requires [" + name(expect) + "] but stack has []");
    }

    private void popAll(int[] ts) {
        if (ts.length == 1) {
            pop(ts[0]);
            return;
        }
        int top = sp;
        try {
            for (int i = ts.length - 1; i >= 0; i--) {
                pop(ts[i]);
            }
        } catch (InvalidModuleException e) {
            // Word it like the reference interpreter: all expected types against the stack's top.
            int from = Math.max(cHeight[depth - 1], top - ts.length);
            throw err("type mismatch: instruction requires " + names(ts, 0, ts.length)
                    + " but stack has " + names(vals, from, top));
        }
    }

    /** Pops a reference of any type; a polymorphic pop yields {@code (ref bot)}. */
    private int popRef() {
        int t = pop();
        if (t == BOT) {
            return REF | H_BOT;
        }
        if (!isRef(t)) {
            throw err("type mismatch: instruction requires [reference] but stack has [" + name(t) + "]");
        }
        return t;
    }

    /** Pops {@code n} values of type {@code t}, without looping past the frame's values. */
    private void popN(long n, int t) {
        int f = depth - 1;
        long available = sp - cHeight[f];
        long k = Math.min(n, available);
        for (long i = 0; i < k; i++) {
            pop(t);
        }
        if (n > available && !cUnreachable[f]) {
            throw err("type mismatch: instruction requires " + n + " values but stack has " + available);
        }
    }

    private void setUnreachable() {
        int f = depth - 1;
        sp = cHeight[f];
        cUnreachable[f] = true;
    }

    // ---- control stack --------------------------------------------------------------------

    private void pushCtrl(int kind, int[] params, int[] results, int openPc) {
        if (depth == cKind.length) {
            growCtrl();
        }
        int f = depth++;
        cKind[f] = kind;
        cParams[f] = params;
        cResults[f] = results;
        cHeight[f] = sp;
        cInit[f] = locals.initHeight();
        cUnreachable[f] = false;
        cPending[f] = -1;
        cEntry[f] = -1;
        cOpenPc[f] = openPc;
        pushAll(params);
    }

    private void growCtrl() {
        int n = cKind.length * 2;
        cKind = Arrays.copyOf(cKind, n);
        cParams = Arrays.copyOf(cParams, n);
        cResults = Arrays.copyOf(cResults, n);
        cHeight = Arrays.copyOf(cHeight, n);
        cInit = Arrays.copyOf(cInit, n);
        cUnreachable = Arrays.copyOf(cUnreachable, n);
        cPending = Arrays.copyOf(cPending, n);
        cEntry = Arrays.copyOf(cEntry, n);
        cLoopPc = Arrays.copyOf(cLoopPc, n);
        cLoopStp = Arrays.copyOf(cLoopStp, n);
        cOpenPc = Arrays.copyOf(cOpenPc, n);
    }

    /** Checks the top frame's results and that nothing else is left; undoes its local inits. */
    private void checkFrameEnd() {
        int f = depth - 1;
        int top = sp;
        popAll(cResults[f]);
        if (sp != cHeight[f]) {
            throw blockMismatch(f, top);
        }
        locals.resetTo(cInit[f]);
    }

    /** The reference interpreter's wording: the block's results against the frame's values. */
    private InvalidModuleException blockMismatch(int f, int top) {
        int[] res = cResults[f];
        return err("type mismatch: block requires " + names(res, 0, res.length)
                + " but stack has " + names(vals, cHeight[f], top));
    }

    /** Restarts the top frame for a new arm (else, catch, catch_all) of kind {@code kind}. */
    private void restartFrame(int kind, int[] values) {
        int f = depth - 1;
        cKind[f] = kind;
        cUnreachable[f] = false;
        sp = cHeight[f];
        pushAll(values);
    }

    /** The frame index of label {@code l}, or "unknown label". */
    private int label(int l) {
        if (l < 0 || l >= depth) {
            throw err("unknown label " + Integer.toUnsignedString(l));
        }
        return depth - 1 - l;
    }

    private int[] labelTypes(int f) {
        return cKind[f] == K_LOOP ? cParams[f] : cResults[f];
    }

    /** Adds a side-table entry for a branch to frame {@code f}. */
    private void branchEntry(int f) {
        int e = side.add(pc, labelTypes(f).length, cHeight[f]);
        if (cKind[f] == K_LOOP) {
            side.target(e, cLoopPc[f], cLoopStp[f]);
        } else {
            cPending[f] = side.link(e, cPending[f]);
        }
    }

    private void blockType(BlockType bt) {
        switch (bt) {
            case BlockType.Empty e -> {
                bParams = NONE;
                bResults = NONE;
            }
            case BlockType.Value v -> {
                bParams = NONE;
                bResults = single(types.valType(v.type()));
            }
            case BlockType.Func fn -> {
                int x = types.typeIndex(fn.typeIndex());
                if (!types.isFunc(x)) {
                    throw err("type mismatch: block type " + x + " is not a function type");
                }
                bParams = types.params[x];
                bResults = types.results[x];
            }
        }
    }

    private int[] single(int t) {
        if (t >= I32 && t <= V128) {
            return SINGLE[t];
        }
        return singleRefs.computeIfAbsent(t, k -> new int[] {k});
    }

    // ---- instructions ---------------------------------------------------------------------

    private void step(Opcode op, InstructionReader r) {
        switch (op) {
            case UNREACHABLE -> setUnreachable();
            case BLOCK -> {
                blockType(r.blockType());
                popAll(bParams);
                pushCtrl(K_BLOCK, bParams, bResults, pc);
            }
            case LOOP -> {
                blockType(r.blockType());
                popAll(bParams);
                pushCtrl(K_LOOP, bParams, bResults, pc);
                cLoopPc[depth - 1] = r.position();
                cLoopStp[depth - 1] = side.count();
            }
            case IF -> {
                blockType(r.blockType());
                pop(I32);
                popAll(bParams);
                int e = side.add(pc, bParams.length, sp);
                pushCtrl(K_IF, bParams, bResults, pc);
                cEntry[depth - 1] = e;
            }
            case ELSE -> {
                int f = depth - 1;
                if (cKind[f] != K_IF) {
                    throw err("else without matching if");
                }
                checkFrameEnd();
                int e = side.add(pc, cResults[f].length, cHeight[f]);
                cPending[f] = side.link(e, cPending[f]);
                side.target(cEntry[f], r.position(), side.count());
                cEntry[f] = -1;
                restartFrame(K_ELSE, cParams[f]);
            }
            case END -> end();
            case TRY_TABLE -> tryTable(r);
            case TRY -> {
                blockType(r.blockType());
                popAll(bParams);
                pushCtrl(K_TRY, bParams, bResults, pc);
                cEntry[depth - 1] = side.add(pc, 0, cHeight[depth - 1]);
            }
            case CATCH, CATCH_ALL -> legacyCatch(op, r);
            case DELEGATE -> delegate(r);
            case RETHROW -> {
                int f = label(r.index());
                if (cKind[f] != K_CATCH && cKind[f] != K_CATCH_ALL) {
                    throw err("invalid rethrow label");
                }
                setUnreachable();
            }
            case THROW -> {
                popAll(types.params[cx.tagTypes[cx.tag(r.index())]]);
                setUnreachable();
            }
            case THROW_REF -> {
                pop(EXNREF);
                setUnreachable();
            }
            case BR -> {
                int f = label(r.index());
                popAll(labelTypes(f));
                branchEntry(f);
                setUnreachable();
            }
            case BR_IF -> {
                int f = label(r.index());
                pop(I32);
                int[] lt = labelTypes(f);
                popAll(lt);
                pushAll(lt);
                branchEntry(f);
            }
            case BR_TABLE -> brTable(r);
            case RETURN -> {
                popAll(returnTypes);
                setUnreachable();
            }
            case CALL -> {
                int t = cx.funcTypes[cx.func(r.index())];
                popAll(types.params[t]);
                pushAll(types.results[t]);
            }
            case RETURN_CALL -> {
                int t = cx.funcTypes[cx.func(r.index())];
                returnCall(t);
            }
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                int table = cx.table(r.index2());
                int t = funcTypeIndex(r.index());
                if (!types.matches(cx.tableElem[table], FUNCREF)) {
                    throw err("type mismatch: call_indirect needs a table of function references");
                }
                pop(cx.table64[table] ? I64 : I32);
                if (op == Opcode.CALL_INDIRECT) {
                    popAll(types.params[t]);
                    pushAll(types.results[t]);
                } else {
                    returnCall(t);
                }
            }
            case CALL_REF, RETURN_CALL_REF -> {
                int t = funcTypeIndex(r.index());
                pop(ref(true, DEF_BASE + types.rep[t]));
                if (op == Opcode.CALL_REF) {
                    popAll(types.params[t]);
                    pushAll(types.results[t]);
                } else {
                    returnCall(t);
                }
            }
            case DROP -> pop();
            case SELECT -> {
                pop(I32);
                int t1 = pop();
                int t2 = pop();
                if (isRef(t1) || isRef(t2)) {
                    throw err("type mismatch: select without type needs numeric or vector operands");
                }
                if (t1 != t2 && t1 != BOT && t2 != BOT) {
                    throw err("type mismatch: select operands " + name(t2) + " and " + name(t1));
                }
                push(t1 == BOT ? t2 : t1);
            }
            case SELECT_T -> {
                ValType[] ts = r.types();
                if (ts.length != 1) {
                    throw err("invalid result arity");
                }
                int t = types.valType(ts[0]);
                pop(I32);
                pop(t);
                pop(t);
                push(t);
            }
            case LOCAL_GET -> {
                int t = locals.type(r.index());
                if (!isDefaultable(t) && !locals.isInit(r.index())) {
                    throw err("uninitialized local " + Integer.toUnsignedString(r.index()));
                }
                push(t);
            }
            case LOCAL_SET -> {
                int t = locals.type(r.index());
                pop(t);
                if (!isDefaultable(t)) {
                    locals.setInit(r.index());
                }
            }
            case LOCAL_TEE -> {
                int t = locals.type(r.index());
                pop(t);
                if (!isDefaultable(t)) {
                    locals.setInit(r.index());
                }
                push(t);
            }
            case GLOBAL_GET -> {
                int g = cx.global(r.index(), constMode ? constGlobalLimit : cx.globalCount);
                if (constMode && cx.globalMutable[g]) {
                    throw err("constant expression required");
                }
                push(cx.globalTypes[g]);
            }
            case GLOBAL_SET -> {
                int g = cx.global(r.index(), cx.globalCount);
                if (!cx.globalMutable[g]) {
                    throw err("immutable global");
                }
                pop(cx.globalTypes[g]);
            }
            case TABLE_GET -> {
                int t = cx.table(r.index());
                pop(tableAddr(t));
                push(cx.tableElem[t]);
            }
            case TABLE_SET -> {
                int t = cx.table(r.index());
                pop(cx.tableElem[t]);
                pop(tableAddr(t));
            }
            case TABLE_GROW -> {
                int t = cx.table(r.index());
                pop(tableAddr(t));
                pop(cx.tableElem[t]);
                push(tableAddr(t));
            }
            case TABLE_FILL -> {
                int t = cx.table(r.index());
                pop(tableAddr(t));
                pop(cx.tableElem[t]);
                pop(tableAddr(t));
            }
            case TABLE_COPY -> {
                int dst = cx.table(r.index());
                int src = cx.table(r.index2());
                if (!types.matches(cx.tableElem[src], cx.tableElem[dst])) {
                    throw err("type mismatch: table.copy between incompatible tables");
                }
                int ad = tableAddr(dst);
                int as = tableAddr(src);
                pop(ad == I64 && as == I64 ? I64 : I32);
                pop(as);
                pop(ad);
            }
            case TABLE_INIT -> {
                int t = cx.table(r.index2());
                int e = cx.elem(r.index());
                if (!types.matches(cx.elemTypes[e], cx.tableElem[t])) {
                    throw err("type mismatch: element segment does not fit the table");
                }
                pop(I32);
                pop(I32);
                pop(tableAddr(t));
            }
            case MEMORY_COPY -> {
                int dst = cx.memory(r.index());
                int src = cx.memory(r.index2());
                int ad = memAddr(dst);
                int as = memAddr(src);
                pop(ad == I64 && as == I64 ? I64 : I32);
                pop(as);
                pop(ad);
            }
            case REF_NULL -> push(ref(true, types.heapCode(r.heapType())));
            case REF_IS_NULL -> {
                popRef();
                push(I32);
            }
            case REF_FUNC -> {
                int f = cx.func(r.index());
                if (!constMode && !cx.declaredRefs.get(f)) {
                    throw err("undeclared function reference");
                }
                push(ref(false, DEF_BASE + types.rep[cx.funcTypes[f]]));
            }
            case REF_EQ -> {
                pop(EQREF);
                pop(EQREF);
                push(I32);
            }
            case REF_AS_NON_NULL -> push(popRef() & ~NULLABLE);
            case BR_ON_NULL -> {
                int f = label(r.index());
                int t = popRef();
                int[] lt = labelTypes(f);
                popAll(lt);
                pushAll(lt);
                push(t & ~NULLABLE);
                branchEntry(f);
            }
            case BR_ON_NON_NULL -> {
                int f = label(r.index());
                int[] lt = labelTypes(f);
                if (lt.length == 0) {
                    throw err("type mismatch: br_on_non_null needs a label with a reference result");
                }
                int t = popRef();
                push(t & ~NULLABLE);
                popAll(lt);
                for (int i = 0; i < lt.length - 1; i++) {
                    push(lt[i]);
                }
                branchEntry(f);
            }
            case BR_ON_CAST, BR_ON_CAST_FAIL -> brOnCast(op, r);
            case REF_TEST, REF_TEST_NULL -> {
                int h = types.heapCode(r.heapType());
                pop(ref(true, types.topHeap(h)));
                push(I32);
            }
            case REF_CAST, REF_CAST_NULL -> {
                int h = types.heapCode(r.heapType());
                pop(ref(true, types.topHeap(h)));
                push(ref(op == Opcode.REF_CAST_NULL, h));
            }
            case REF_I31 -> {
                pop(I32);
                push(REF | H_I31);
            }
            case I31_GET_S, I31_GET_U -> {
                pop(I31REF);
                push(I32);
            }
            case ANY_CONVERT_EXTERN -> {
                int t = pop(EXTERNREF);
                push(ref(t != BOT && isNullable(t), H_ANY));
            }
            case EXTERN_CONVERT_ANY -> {
                int t = pop(ANYREF);
                push(ref(t != BOT && isNullable(t), H_EXTERN));
            }
            case STRUCT_NEW, STRUCT_NEW_DEFAULT, STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U, STRUCT_SET ->
                    struct(op, r);
            case ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, ARRAY_NEW_DATA, ARRAY_NEW_ELEM, ARRAY_GET,
                 ARRAY_GET_S, ARRAY_GET_U, ARRAY_SET, ARRAY_LEN, ARRAY_FILL, ARRAY_COPY, ARRAY_INIT_DATA,
                 ARRAY_INIT_ELEM -> array(op, r);
            default -> fixed(op, r);
        }
    }

    /** Instructions with a fixed signature in the opcode table. */
    private void fixed(Opcode op, InstructionReader r) {
        int ord = op.ordinal();
        int[] pops = Signatures.POPS[ord];
        if (pops == null) {
            throw new IllegalStateException("no typing rule for " + op);
        }
        int addr = I32;
        switch (op.imm()) {
            case NONE, I32, I64, F32, F64, V128, ATOMIC_FENCE -> { }
            case MEMARG, MEMARG_LANE -> addr = memarg(op, r);
            case MEMORY -> addr = memAddr(cx.memory(r.index()));
            case MEMORY_INIT -> {
                addr = memAddr(cx.memory(r.index2()));
                cx.data(r.index());
            }
            case TABLE -> addr = tableAddr(cx.table(r.index()));
            case DATA -> cx.data(r.index());
            case ELEM -> cx.elem(r.index());
            case LANE -> {
                if (r.index() >= Signatures.LANES[ord]) {
                    throw err("invalid lane index");
                }
            }
            case SHUFFLE -> {
                if (!shuffleLanesValid(r.v128Low()) || !shuffleLanesValid(r.v128High())) {
                    throw err("invalid lane index");
                }
            }
            default -> throw new IllegalStateException("unexpected immediates for " + op);
        }
        for (int i = pops.length - 1; i >= 0; i--) {
            int t = pops[i];
            pop(t < 0 ? addr : t);
        }
        int p = Signatures.PUSH[ord];
        if (p != 0) {
            push(p < 0 ? addr : p);
        }
    }

    private static boolean shuffleLanesValid(long lanes) {
        // Each byte must be below 32: no byte may have any of its bits 5..7 set.
        return (lanes & 0xE0E0_E0E0_E0E0_E0E0L) == 0;
    }

    /** Checks a memarg and returns the memory's address type. */
    private int memarg(Opcode op, InstructionReader r) {
        int m = cx.memory(r.memIndex());
        int nat = op.naturalAlignLog2();
        if (op.prefix() == Opcode.PREFIX_ATOMIC) {
            if (r.alignLog2() != nat) {
                throw err("atomic alignment must be natural");
            }
        } else if (r.alignLog2() > nat) {
            throw err("alignment must not be larger than natural");
        }
        if (!cx.mem64[m] && Long.compareUnsigned(r.memOffset(), 0xFFFF_FFFFL) > 0) {
            throw err("offset out of range");
        }
        if (op.imm() == Opcode.Imm.MEMARG_LANE && r.index() >= Signatures.LANES[op.ordinal()]) {
            throw err("invalid lane index");
        }
        return cx.mem64[m] ? I64 : I32;
    }

    private int memAddr(int m) {
        return cx.mem64[m] ? I64 : I32;
    }

    private int tableAddr(int t) {
        return cx.table64[t] ? I64 : I32;
    }

    private int funcTypeIndex(int x) {
        int t = types.typeIndex(x);
        if (!types.isFunc(t)) {
            throw err("type mismatch: type " + t + " is not a function type");
        }
        return t;
    }

    /** The tail-call rule: the callee's results must match the caller's. */
    private void returnCall(int t) {
        if (!types.resultsMatch(types.results[t], returnTypes)) {
            throw err("type mismatch: tail call results " + names(types.results[t], 0, types.results[t].length)
                    + " do not match " + names(returnTypes, 0, returnTypes.length));
        }
        popAll(types.params[t]);
        setUnreachable();
    }

    private void end() {
        int f = depth - 1;
        int kind = cKind[f];
        checkFrameEnd();
        if (kind == K_IF) {
            // No else: the missing arm passes the parameters through as the results.
            if (!types.resultsMatch(cParams[f], cResults[f])) {
                throw err("type mismatch: if without else must not change the stack");
            }
            side.target(cEntry[f], pc, side.count());
        } else if (kind == K_TRY || kind == K_CATCH || kind == K_CATCH_ALL) {
            side.target(cEntry[f], pc, side.count());
        }
        side.patchChain(cPending[f], pc, side.count());
        depth--;
        if (depth > 0) {
            pushAll(cResults[f]);
        }
    }

    private void tryTable(InstructionReader r) {
        blockType(r.blockType());
        int[] params = bParams;
        int[] results = bResults;
        popAll(params);
        for (Catch c : r.catches()) {
            int f = label(c.label());
            int[] lt = labelTypes(f);
            int[] payload = c.kind().hasTag() ? types.params[cx.tagTypes[cx.tag(c.tag())]] : NONE;
            boolean ref = c.kind() == Catch.Kind.CATCH_REF || c.kind() == Catch.Kind.CATCH_ALL_REF;
            if (!catchFits(payload, ref, lt)) {
                throw err("type mismatch: catch clause values do not match label " + names(lt, 0, lt.length));
            }
            branchEntry(f);
        }
        pushCtrl(K_TRY_TABLE, params, results, pc);
    }

    private boolean catchFits(int[] payload, boolean ref, int[] lt) {
        int n = payload.length + (ref ? 1 : 0);
        if (n != lt.length) {
            return false;
        }
        for (int i = 0; i < payload.length; i++) {
            if (!types.matches(payload[i], lt[i])) {
                return false;
            }
        }
        return !ref || types.matches(EXN_NON_NULL, lt[n - 1]);
    }

    private void legacyCatch(Opcode op, InstructionReader r) {
        int f = depth - 1;
        if (cKind[f] != K_TRY && cKind[f] != K_CATCH) {
            throw err(cKind[f] == K_CATCH_ALL ? "catch after catch_all" : "catch without try");
        }
        int[] payload = op == Opcode.CATCH ? types.params[cx.tagTypes[cx.tag(r.index())]] : NONE;
        checkFrameEnd();
        // The previous arm's dispatch entry continues here; then this arm's two entries.
        side.target(cEntry[f], pc, side.count());
        int fallthrough = side.add(pc, cResults[f].length, cHeight[f]);
        cPending[f] = side.link(fallthrough, cPending[f]);
        cEntry[f] = side.add(pc, 0, cHeight[f]);
        restartFrame(op == Opcode.CATCH ? K_CATCH : K_CATCH_ALL, payload);
    }

    private void delegate(InstructionReader r) {
        int f = depth - 1;
        if (cKind[f] != K_TRY) {
            throw err("delegate without try");
        }
        checkFrameEnd();
        int self = side.count();
        side.target(cEntry[f], pc, self);
        side.patchChain(cPending[f], pc, self);
        depth--;
        int target = label(r.index());
        int e = side.add(pc, 0, cHeight[target]);
        side.target(e, cOpenPc[target], -1);
        pushAll(cResults[f]);
    }

    private void brTable(InstructionReader r) {
        pop(I32);
        int[] ls = r.labels();
        int def = label(r.index());
        int arity = labelTypes(def).length;
        for (int l : ls) {
            int f = label(l);
            int[] lt = labelTypes(f);
            if (lt.length != arity) {
                throw err("type mismatch: br_table labels have different arities");
            }
            // Pop with the label's types, then restore what was actually there.
            if (scratch.length < arity) {
                scratch = new int[Math.max(arity, scratch.length * 2)];
            }
            for (int i = arity - 1; i >= 0; i--) {
                scratch[i] = pop(lt[i]);
            }
            for (int i = 0; i < arity; i++) {
                push(scratch[i]);
            }
            branchEntry(f);
        }
        popAll(labelTypes(def));
        branchEntry(def);
        setUnreachable();
    }

    private void brOnCast(Opcode op, InstructionReader r) {
        int f = label(r.index());
        int t1 = refCode(r.refType1());
        int t2 = refCode(r.refType2());
        if (!types.matches(t2, t1)) {
            throw err("type mismatch: cast target " + name(t2) + " does not match source " + name(t1));
        }
        // rt1 \ rt2: the source type, non-null if the target type includes null.
        int diff = isNullable(t2) ? t1 & ~NULLABLE : t1;
        int toLabel = op == Opcode.BR_ON_CAST ? t2 : diff;
        int fallthrough = op == Opcode.BR_ON_CAST ? diff : t2;
        int[] lt = labelTypes(f);
        if (lt.length == 0 || !types.matches(toLabel, lt[lt.length - 1])) {
            throw err("type mismatch: cast branch target label " + names(lt, 0, lt.length));
        }
        pop(t1);
        for (int i = lt.length - 2; i >= 0; i--) {
            pop(lt[i]);
        }
        for (int i = 0; i < lt.length - 1; i++) {
            push(lt[i]);
        }
        push(fallthrough);
        branchEntry(f);
    }

    private int refCode(RefType t) {
        return types.valType(t);
    }

    // ---- GC aggregates --------------------------------------------------------------------

    private int structType(int x) {
        int t = types.typeIndex(x);
        if (types.kind[t] != ModuleTypes.KIND_STRUCT) {
            throw err("type mismatch: type " + t + " is not a struct type");
        }
        return t;
    }

    private int arrayType(int x) {
        int t = types.typeIndex(x);
        if (types.kind[t] != ModuleTypes.KIND_ARRAY) {
            throw err("type mismatch: type " + t + " is not an array type");
        }
        return t;
    }

    private void struct(Opcode op, InstructionReader r) {
        int t = structType(r.index());
        int[] fields = types.params[t];
        int self = ref(false, DEF_BASE + types.rep[t]);
        switch (op) {
            case STRUCT_NEW -> {
                for (int i = fields.length - 1; i >= 0; i--) {
                    pop(unpack(fields[i]));
                }
                push(self);
            }
            case STRUCT_NEW_DEFAULT -> {
                for (int ft : fields) {
                    if (!isDefaultable(ft)) {
                        throw err("type mismatch: struct.new_default needs defaultable fields");
                    }
                }
                push(self);
            }
            default -> {
                int i = r.index2();
                if (i < 0 || i >= fields.length) {
                    throw err("unknown field " + Integer.toUnsignedString(i));
                }
                int ft = fields[i];
                if (op == Opcode.STRUCT_SET) {
                    if (!types.mutable[t][i]) {
                        throw err("immutable field");
                    }
                    pop(unpack(ft));
                    pop(self | NULLABLE);
                } else {
                    checkPacked(op == Opcode.STRUCT_GET, ft);
                    pop(self | NULLABLE);
                    push(unpack(ft));
                }
            }
        }
    }

    private void checkPacked(boolean plainGet, int storage) {
        boolean packed = storage == I8 || storage == I16;
        if (plainGet && packed) {
            throw err("type mismatch: field is packed");
        }
        if (!plainGet && !packed) {
            throw err("type mismatch: field is not packed");
        }
    }

    private void array(Opcode op, InstructionReader r) {
        if (op == Opcode.ARRAY_LEN) {
            pop(ARRAYREF);
            push(I32);
            return;
        }
        int t = arrayType(r.index());
        int elem = types.params[t][0];
        boolean mutable = types.mutable[t][0];
        int self = ref(false, DEF_BASE + types.rep[t]);
        int nullableSelf = self | NULLABLE;
        switch (op) {
            case ARRAY_NEW -> {
                pop(I32);
                pop(unpack(elem));
                push(self);
            }
            case ARRAY_NEW_DEFAULT -> {
                if (!isDefaultable(elem)) {
                    throw err("type mismatch: array.new_default needs a defaultable element type");
                }
                pop(I32);
                push(self);
            }
            case ARRAY_NEW_FIXED -> {
                popN(Integer.toUnsignedLong(r.index2()), unpack(elem));
                push(self);
            }
            case ARRAY_NEW_DATA -> {
                checkNumeric(elem);
                cx.data(r.index2());
                pop(I32);
                pop(I32);
                push(self);
            }
            case ARRAY_NEW_ELEM -> {
                checkElem(cx.elem(r.index2()), elem);
                pop(I32);
                pop(I32);
                push(self);
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                checkPacked(op == Opcode.ARRAY_GET, elem);
                pop(I32);
                pop(nullableSelf);
                push(unpack(elem));
            }
            case ARRAY_SET -> {
                checkMutable(mutable);
                pop(unpack(elem));
                pop(I32);
                pop(nullableSelf);
            }
            case ARRAY_FILL -> {
                checkMutable(mutable);
                pop(I32);
                pop(unpack(elem));
                pop(I32);
                pop(nullableSelf);
            }
            case ARRAY_COPY -> {
                checkMutable(mutable);
                int s = arrayType(r.index2());
                if (!types.storageMatches(types.params[s][0], elem)) {
                    throw err("array types do not match");
                }
                pop(I32);
                pop(I32);
                pop(ref(true, DEF_BASE + types.rep[s]));
                pop(I32);
                pop(nullableSelf);
            }
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
                checkMutable(mutable);
                if (op == Opcode.ARRAY_INIT_DATA) {
                    checkNumeric(elem);
                    cx.data(r.index2());
                } else {
                    checkElem(cx.elem(r.index2()), elem);
                }
                pop(I32);
                pop(I32);
                pop(I32);
                pop(nullableSelf);
            }
            default -> throw new IllegalStateException("not an array instruction: " + op);
        }
    }

    private void checkMutable(boolean mutable) {
        if (!mutable) {
            throw err("immutable array");
        }
    }

    private void checkNumeric(int elem) {
        if (isRef(elem)) {
            throw err("array type is not numeric or vector");
        }
    }

    private void checkElem(int e, int elem) {
        if (!types.matches(cx.elemTypes[e], elem)) {
            throw err("type mismatch: element segment does not match the array's element type");
        }
    }
}
