package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.BlockType;
import dev.jawa.module.Function;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.UnsupportedInstructionException;
import dev.jawa.types.FuncType;
import dev.jawa.types.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one WebAssembly function body into the code of one static JVM method, in a single pass
 * over the instruction bytes. It keeps the operand stack's JVM types ({@link #stack}) and the open
 * constructs ({@link Control}); the instruction families emit the bytecode (see
 * {@code package-info}).
 *
 * <p>Dead code (after br, return, unreachable...) is not emitted at all: the pass only counts the
 * nesting inside it to find the end or else that makes code live again. Its instructions are
 * still checked to belong to a supported family, so {@code --tier jit} never passes a function
 * with an unsupported instruction.
 */
final class FunctionCompiler {

    /** The families in the order they are asked; the core ones first, the stubs last. */
    private static final InstructionFamily[] FAMILIES = {
        new ControlEmitter(), new VariableEmitter(), new NumericEmitter(), new MemoryEmitter(),
        new CallEmitter(), new ReferenceEmitter(), new TableEmitter(),
        new SimdEmitter(), new GcEmitter(), new ExceptionEmitter(), new AtomicEmitter(),
    };

    final ModuleCompiler module;
    final Module wasm;
    final CodeBuilder cb;
    final FuncType type;
    final int funcIndex;
    /** The operand stack's types, bottom first. */
    final ArrayList<TypeKind> stack = new ArrayList<>();
    final ArrayList<Control> controls = new ArrayList<>();
    private final int[] localSlot;
    private final TypeKind[] localKind;
    private final int ctxSlot;
    /** The local holding memory 0, or -1 if the module has no memory. */
    final int mem0Slot;
    /**
     * The JVM local holding memory 0's {@link dev.jawa.runtime.Memory#heapArray()} for
     * {@link IntIndexAccess} (-1 when memory 0 does not take that path). A local the loop does not
     * write lets C2 keep the array and its length in registers, where a field read at each access
     * is reloaded in many loops. It is read again wherever the array may have been replaced: at
     * the start, after every call and memory.grow, after a call to a split-off region, and where
     * an exception handler catches (see {@link #reloadHeap}).
     */
    final int heap0Slot;
    /** Scratch locals by kind, reused by every short spill (see {@link #spill}). */
    private final Map<TypeKind, List<Integer>> scratch = new EnumMap<>(TypeKind.class);
    private boolean dead;
    private int deadDepth;

    /**
     * Whether this is the body of a function with tail calls: it returns Object (the boxed
     * result, or a pending tail call; see {@link JitTail}).
     */
    final boolean tailBody;
    /** The on-stack-replacement entry being compiled instead of the plain method, or null. */
    private final OsrEntry osr;
    /** The body offset of the instruction being compiled. */
    private int opOffset;

    /** The stretch of the body this method holds if it is a split-off region, else null. */
    final SplitRegion region;
    /** Bytes of WebAssembly compiled into this method so far (see {@link FunctionSplitter}). */
    int compiledBytes;
    /** The split threshold for this method (see {@link FunctionSplitter#splitLimit}). */
    final int splitLimit;
    /** Frame arrays of this method's calls to split-off regions (slots; -1 until the first). */
    int splitNums = -1;
    int splitRefs = -1;
    /** In a region method: the shared exit that hands the written locals back (see {@link FunctionSplitter}). */
    Label regionEpilogue;
    /** A construct whose rest was found not splittable (not looked at again); see {@link FunctionSplitter}. */
    Control noSplitIn;
    /** The branch targets of the region being split off, between its scan and its call. */
    FunctionSplitter.RegionCall pendingCall;
    final Function def;

    FunctionCompiler(ModuleCompiler module, CodeBuilder cb, int funcIndex, FuncType type, Function def, boolean tailBody) {
        this(module, cb, funcIndex, type, def, tailBody, null);
    }

    /** The compiler of split-off region {@code region} (a method taking the frame arrays and the context). */
    FunctionCompiler(ModuleCompiler module, CodeBuilder cb, SplitRegion region) {
        this(module, cb, region.funcIndex(), region.type(), region.def(), false, null, region);
    }

    /**
     * A compiler of the plain method ({@code osr} null) or of the OSR entry {@code osr} (see
     * {@link OsrEntry}: other parameters, the same body).
     */
    FunctionCompiler(ModuleCompiler module, CodeBuilder cb, int funcIndex, FuncType type, Function def, boolean tailBody,
            OsrEntry osr) {
        this(module, cb, funcIndex, type, def, tailBody, osr, null);
    }

    private FunctionCompiler(ModuleCompiler module, CodeBuilder cb, int funcIndex, FuncType type, Function def,
            boolean tailBody, OsrEntry osr, SplitRegion region) {
        this.osr = osr;
        this.module = module;
        this.region = region;
        this.def = def;
        this.tailBody = tailBody;
        this.wasm = module.wasm;
        this.cb = cb;
        this.funcIndex = funcIndex;
        this.type = type;
        this.splitLimit = FunctionSplitter.splitLimit(module, funcIndex, type, def, tailBody, osr != null || region != null);
        long count = type.params().size() + def.localCount();
        if (count > 30_000) {
            throw new CompileLimitException("function " + funcIndex + " has " + count
                    + " locals, more than the compiler fits in one JVM method");
        }
        localSlot = new int[(int) count];
        localKind = new TypeKind[(int) count];
        // A region method's (or OSR entry's) parameters are the frame arrays and the context; the
        // function's parameters are then ordinary locals.
        int slot = region != null ? FunctionSplitter.REGION_FIRST_LOCAL : osr != null ? OsrEntry.FIRST_LOCAL_SLOT : 0;
        int i = 0;
        for (ValType t : type.params()) {
            localKind[i] = JvmTypes.kind(t);
            localSlot[i++] = slot;
            slot += localKind[i - 1].slotSize();
        }
        if (region != null) {
            ctxSlot = FunctionSplitter.REGION_CONTEXT;
        } else if (osr == null) {
            ctxSlot = slot;
            slot++;
        } else {
            ctxSlot = OsrEntry.CONTEXT_SLOT;
        }
        for (LocalGroup g : def.locals()) {
            TypeKind k = JvmTypes.kind(g.type());
            for (long n = 0; n < g.count(); n++) {
                localKind[i] = k;
                localSlot[i++] = slot;
                slot += k.slotSize();
            }
        }
        if (slot > 60_000) {
            throw new CompileLimitException("function " + funcIndex + " needs " + slot
                    + " JVM local slots, more than one JVM method has");
        }
        // Memory 0 is fixed for the instance (its array is not, and is read at each access), so it
        // is loaded once into a local: each access is then one aload instead of three bytes more.
        if (!wasm.memoryTypes().isEmpty()) {
            mem0Slot = slot;
            slot++;
            cb.aload(ctxSlot);
            cb.getfield(JvmTypes.CD_CONTEXT, "mem0", MemoryEmitter.CD_MEMORY);
            cb.astore(mem0Slot);
        } else {
            mem0Slot = -1;
        }
        if (MemoryEmitter.intIndexed(wasm.memoryTypes(), 0)) {
            heap0Slot = slot;
            slot++;
            reloadHeap();
        } else {
            heap0Slot = -1;
        }
        if (osr != null) {
            // The interpreter's frame gives every local; then on to the loop's head.
            osr.prologue(cb, localKind, localSlot);
            nextScratch = slot;
            osrFirstScratch = slot;
            return;
        }
        // Declared locals start at zero (references at null; v128 at the zero vector).
        for (int l = type.params().size(); region == null && l < localSlot.length; l++) {
            pushZero(localKind[l], def, l);
            cb.storeLocal(localKind[l], localSlot[l]);
        }
        // Scratch locals are allocated after the declared ones.
        nextScratch = slot;
    }

    private int nextScratch;
    /** In an OSR entry: the first scratch slot (see {@link OsrEntry#epilogue}). */
    private int osrFirstScratch;
    /** The locals holding caught exceptions, by catch-arm nesting (see ExceptionEmitter). */
    final List<Integer> exceptionSlots = new ArrayList<>();

    private void pushZero(TypeKind k, Function def, int local) {
        switch (k) {
            case INT -> cb.iconst_0();
            case LONG -> cb.lconst_0();
            case FLOAT -> cb.fconst_0();
            case DOUBLE -> cb.dconst_0();
            default -> {
                if (localType(def, local) instanceof dev.jawa.types.VecType) {
                    cb.getstatic(ClassDesc.of("dev.jawa.runtime.V128"), "ZERO", ClassDesc.of("dev.jawa.runtime.V128"));
                } else {
                    cb.aconst_null();
                }
            }
        }
    }

    private ValType localType(Function def, int local) {
        int i = local - type.params().size();
        for (LocalGroup g : def.locals()) {
            if (i < g.count()) {
                return g.type();
            }
            i -= (int) g.count();
        }
        throw new IllegalStateException("no local " + local);
    }

    /** Compiles the body. */
    void compile(Function def) {
        if (region != null) {
            FunctionSplitter.compileRegion(this);
            return;
        }
        controls.add(new Control(Opcode.BLOCK, 0, List.of(), kinds(type.results()), null));
        InstructionReader in = def.body().reader();
        int length = def.body().length();
        Label start = cb.newBoundLabel();
        compileRange(in, length);
        // A trap passing through adds this function to its WebAssembly stack (see TrapFrames).
        Label end = cb.newBoundLabel();
        cb.exceptionCatch(start, end, end, JitRuntime.CD_TRAP);
        cb.loadConstant(funcIndex);
        cb.aload(ctxSlot);
        cb.invokestatic(TrapFrames.CD, "add", MethodTypeDesc.of(JitRuntime.CD_TRAP, JitRuntime.CD_TRAP,
                ConstantDescs.CD_int, JvmTypes.CD_CONTEXT));
        cb.athrow();
        if (osr != null) {
            osr.epilogue(cb, osrFirstScratch, nextScratch);
        }
    }

    /**
     * A loop's head was just bound to {@code head} (called by the loop's emitter): in an OSR
     * entry, it is a place to enter if the JVM stack is empty there and no exception handler is
     * open (the interpreter's frame has nothing else to hand over).
     */
    void loopHead(Label head) {
        if (osr == null || !stack.isEmpty()) {
            return;
        }
        for (Control c : controls) {
            if (c.op != Opcode.BLOCK && c.op != Opcode.LOOP && c.op != Opcode.IF) {
                return;
            }
        }
        osr.enterable(opOffset, head);
    }

    /** Reads memory 0's array into {@link #heap0Slot} again (nothing if there is none). */
    void reloadHeap() {
        if (heap0Slot >= 0) {
            cb.aload(mem0Slot);
            cb.invokevirtual(MemoryEmitter.CD_MEMORY, "heapArray", java.lang.constant.MethodTypeDesc.of(
                    java.lang.constant.ConstantDescs.CD_byte.arrayType()));
            cb.astore(heap0Slot);
        }
    }

    /** Whether {@code op} may run other code or grow a memory, so memory 0's array may be new after it. */
    private static boolean mayReplaceHeap(Opcode op) {
        return op == Opcode.CALL || op == Opcode.CALL_INDIRECT || op == Opcode.CALL_REF || op == Opcode.MEMORY_GROW;
    }

    /** Compiles the instructions up to {@code end}; past the split threshold, outlines stretches. */
    void compileRange(InstructionReader in, int end) {
        while (in.position() < end) {
            int at = in.position();
            opOffset = at;
            Opcode op = in.next();
            if (dead) {
                skipDead(op, in);
                continue;
            }
            // The body offset as line number: a trap or call here is located for free (see TrapFrames).
            cb.lineNumber(dev.jawa.runtime.CompiledCodeLines.line(opOffset));
            if ((osr == null || osr.splittable()) && FunctionSplitter.due(this, op, at)
                    && FunctionSplitter.split(this, op, in, at)) {
                continue;
            }
            dispatch(op, in);
            if (mayReplaceHeap(op)) {
                reloadHeap();
            }
            compiledBytes += in.position() - at;
        }
    }

    private void dispatch(Opcode op, InstructionReader in) {
        if (pending != null && !consumesCondition(op)) {
            materialize();
        }
        for (InstructionFamily f : FAMILIES) {
            if (f.emit(this, op, in)) {
                return;
            }
        }
        throw new UnsupportedInstructionException(op);
    }

    /** Dead code: follows the nesting, and makes the code live again at the right end or else. */
    private void skipDead(Opcode op, InstructionReader in) {
        // Not emitted, but an instruction of an unsupported family still fails the function.
        SimdEmitter.checkSupported(op);
        GcEmitter.checkSupported(op);
        AtomicEmitter.checkSupported(op);
        ExceptionEmitter.checkSupported(op);
        switch (op) {
            case BLOCK, LOOP, IF, TRY_TABLE, TRY -> deadDepth++;
            case END, DELEGATE -> {
                if (deadDepth > 0) {
                    deadDepth--;
                } else {
                    dispatch(op, in);
                }
            }
            case ELSE, CATCH, CATCH_ALL -> {
                if (deadDepth == 0) {
                    dispatch(op, in);
                }
            }
            default -> {
            }
        }
    }

    // ---- Pending comparisons ----

    /**
     * The jump of a comparison whose 0/1 result has not been made: its operands are on the JVM
     * stack (the type stack shows the i32 result). Null when there is none.
     */
    java.lang.classfile.Opcode pending;

    private static boolean consumesCondition(Opcode op) {
        return op == Opcode.BR_IF || op == Opcode.IF || op == Opcode.SELECT || op == Opcode.SELECT_T
                || op == Opcode.I32_EQZ;
    }

    /** A comparison ends with {@code jump} pending instead of making its 0/1 result. */
    void setPending(java.lang.classfile.Opcode jump) {
        pending = jump;
    }

    /** Makes the pending comparison's 0/1 result. */
    void materialize() {
        Label yes = cb.newLabel();
        Label done = cb.newLabel();
        cb.branch(pending, yes);
        pending = null;
        cb.iconst_0();
        cb.goto_(done);
        cb.labelBinding(yes);
        cb.iconst_1();
        cb.labelBinding(done);
    }

    /**
     * Jumps to {@code target} if the i32 condition on top (or the pending comparison) is true, or,
     * with {@code whenFalse}, if it is false. Consumes the condition (its type must already be
     * popped by the caller).
     */
    void jumpIf(boolean whenFalse, Label target) {
        java.lang.classfile.Opcode jump = pending != null ? pending : java.lang.classfile.Opcode.IFNE;
        pending = null;
        cb.branch(whenFalse ? Condition.negate(jump) : jump, target);
    }

    // ---- State used by the families ----

    boolean isDead() {
        return dead;
    }

    /** Marks the rest of the current construct unreachable (after br, return, unreachable...). */
    void markDead() {
        dead = true;
        deadDepth = 0;
    }

    void setLive() {
        dead = false;
    }

    void push(TypeKind k) {
        stack.add(k);
    }

    TypeKind pop() {
        return stack.remove(stack.size() - 1);
    }

    TypeKind peek(int depthFromTop) {
        return stack.get(stack.size() - 1 - depthFromTop);
    }

    /** Truncates the type stack to {@code height}. */
    void truncate(int height) {
        while (stack.size() > height) {
            stack.remove(stack.size() - 1);
        }
    }

    int localCount() {
        return localSlot.length;
    }

    int localSlot(int local) {
        return localSlot[local];
    }

    TypeKind localKind(int local) {
        return localKind[local];
    }

    void loadContext() {
        cb.aload(ctxSlot);
    }

    Control control(int labelDepth) {
        return controls.get(controls.size() - 1 - labelDepth);
    }

    List<TypeKind> kinds(List<ValType> types) {
        List<TypeKind> out = new ArrayList<>(types.size());
        for (ValType t : types) {
            out.add(JvmTypes.kind(t));
        }
        return out;
    }

    /** A block type's parameters. */
    List<TypeKind> blockParams(BlockType bt) {
        return bt instanceof BlockType.Func f ? kinds(wasm.funcType(f.typeIndex()).params()) : List.of();
    }

    /** A block type's results. */
    List<TypeKind> blockResults(BlockType bt) {
        return switch (bt) {
            case BlockType.Empty e -> List.of();
            case BlockType.Value v -> List.of(JvmTypes.kind(v.type()));
            case BlockType.Func f -> kinds(wasm.funcType(f.typeIndex()).results());
        };
    }

    // ---- Stack helpers ----

    /** Pops one JVM value of kind {@code k}. */
    void popValue(TypeKind k) {
        if (k.slotSize() == 2) {
            cb.pop2();
        } else {
            cb.pop();
        }
    }

    /**
     * Stores the top {@code n} values (types from the type stack, which is not changed) in scratch
     * locals, removing them from the JVM stack; returns their slots, bottom first. Reload with
     * {@link #reload}. Scratch slots are reused by the next spill, so use them at once.
     */
    int[] spill(int n) {
        int[] slots = new int[n];
        Map<TypeKind, Integer> used = new EnumMap<>(TypeKind.class);
        for (int i = 0; i < n; i++) {
            TypeKind k = peek(n - 1 - i);
            int u = used.merge(k, 1, Integer::sum) - 1;
            slots[i] = scratchSlot(k, u);
        }
        for (int i = n - 1; i >= 0; i--) {
            cb.storeLocal(peek(n - 1 - i), slots[i]);
        }
        return slots;
    }

    /** Like {@link #spill} for values whose kinds are given (bottom first), not taken from the stack. */
    int[] spillKinds(List<TypeKind> kinds, int scratchOffset) {
        int n = kinds.size();
        int[] slots = new int[n];
        Map<TypeKind, Integer> used = new EnumMap<>(TypeKind.class);
        for (int i = 0; i < n; i++) {
            TypeKind k = kinds.get(i);
            int u = used.merge(k, 1, Integer::sum) - 1 + scratchOffset;
            slots[i] = scratchSlot(k, u);
        }
        for (int i = n - 1; i >= 0; i--) {
            cb.storeLocal(kinds.get(i), slots[i]);
        }
        return slots;
    }

    /** Reloads values spilled by {@link #spillKinds}. */
    void reloadKinds(List<TypeKind> kinds, int[] slots) {
        for (int i = 0; i < slots.length; i++) {
            cb.loadLocal(kinds.get(i), slots[i]);
        }
    }

    /** Reloads values spilled by {@link #spill} (their types are still on the type stack). */
    void reload(int[] slots) {
        int n = slots.length;
        for (int i = 0; i < n; i++) {
            cb.loadLocal(peek(n - 1 - i), slots[i]);
        }
    }

    /**
     * A new local of kind {@code k} that nothing else uses (scratch locals are reused by every
     * spill): for values that must survive a whole construct, like the stack below a try.
     */
    int newLocal(TypeKind k) {
        int slot = nextScratch;
        nextScratch += k.slotSize();
        return slot;
    }

    /** The {@code u}-th scratch local of kind {@code k}. */
    int scratchSlot(TypeKind k, int u) {
        List<Integer> list = scratch.computeIfAbsent(k, x -> new ArrayList<>());
        while (list.size() <= u) {
            list.add(nextScratch);
            nextScratch += k.slotSize();
        }
        return list.get(u);
    }

    /** Converts the int on top of the JVM stack to an unsigned long (an i32 address or count). */
    void unsignedWiden() {
        cb.invokestatic(ConstantDescs.CD_Integer, "toUnsignedLong", MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_int));
    }

    /**
     * Turns the i32 among the top {@code n} operands (addresses, counts, indices) into longs,
     * zero-extended; i64 and reference operands stay as they are. Pops the operands' types.
     */
    void operandsAsLongs(int n) {
        boolean anyInt = false;
        for (int i = 0; i < n; i++) {
            anyInt |= peek(i) == TypeKind.INT;
        }
        if (anyInt) {
            if (n == 1) {
                unsignedWiden();
            } else {
                int[] slots = spill(n);
                for (int i = 0; i < n; i++) {
                    TypeKind k = peek(n - 1 - i);
                    cb.loadLocal(k, slots[i]);
                    if (k == TypeKind.INT) {
                        unsignedWiden();
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            pop();
        }
    }

    /**
     * Branches to the construct {@code labelDepth} out, carrying its label's values from the top
     * of the stack; the type stack is left as it is (the caller decides what follows).
     */
    void branch(int labelDepth) {
        Control target = control(labelDepth);
        if (target.exitDepth >= 0) {
            FunctionSplitter.exit(this, target);
            return;
        }
        if (target.isFunction()) {
            emitReturn();
            return;
        }
        List<TypeKind> carried = target.carried();
        int extra = stack.size() - carried.size() - target.base;
        if (extra > 0) {
            int[] slots = spillKinds(carried, 0);
            for (int i = 0; i < extra; i++) {
                popValue(peek(carried.size() + i));
            }
            reloadKinds(carried, slots);
        }
        cb.goto_(target.label);
        target.used = true;
    }

    /** Whether a branch to {@code labelDepth} needs no stack adjustment (a plain jump). */
    boolean isPlainBranch(int labelDepth) {
        Control target = control(labelDepth);
        return !target.isFunction() && target.exitDepth < 0 && stack.size() - target.carried().size() == target.base;
    }

    /** Returns the function's results from the top of the stack. */
    void emitReturn() {
        if (region != null) {
            FunctionSplitter.exit(this, controls.get(0));
            return;
        }
        List<ValType> results = type.results();
        if (tailBody && results.size() < 2) {
            if (results.isEmpty()) {
                cb.aconst_null();
            } else {
                box(JvmTypes.kind(results.get(0)));
            }
            cb.areturn();
            return;
        }
        switch (results.size()) {
            case 0 -> cb.return_();
            case 1 -> cb.return_(JvmTypes.kind(results.get(0)));
            default -> {
                List<TypeKind> kinds = kinds(results);
                int[] slots = spillKinds(kinds, 0);
                cb.loadConstant(kinds.size());
                cb.anewarray(ConstantDescs.CD_Object);
                for (int i = 0; i < kinds.size(); i++) {
                    cb.dup();
                    cb.loadConstant(i);
                    cb.loadLocal(kinds.get(i), slots[i]);
                    box(kinds.get(i));
                    cb.aastore();
                }
                cb.areturn();
            }
        }
    }

    /**
     * In a tail-calling body: the callee (a FunctionInstance) on top of its arguments, whose types
     * are {@code params}. Returns the pending tail call.
     */
    void emitTailCall(List<ValType> params) {
        List<TypeKind> kinds = kinds(params);
        int f = scratchSlot(TypeKind.REFERENCE, 0);
        cb.astore(f);
        int[] slots = spillKinds(kinds, 1);
        cb.aload(f);
        cb.loadConstant(kinds.size());
        cb.anewarray(ConstantDescs.CD_Object);
        for (int i = 0; i < kinds.size(); i++) {
            cb.dup();
            cb.loadConstant(i);
            cb.loadLocal(kinds.get(i), slots[i]);
            box(kinds.get(i));
            cb.aastore();
        }
        cb.invokestatic(JitTail.CD, "call", MethodTypeDesc.of(ConstantDescs.CD_Object, JitCalls.CD_FUNCTION, JvmTypes.CD_OBJECT_ARRAY));
        cb.areturn();
    }

    /** Boxes the value on top (a primitive of kind {@code k}) into its wrapper. */
    void box(TypeKind k) {
        switch (k) {
            case INT -> cb.invokestatic(ConstantDescs.CD_Integer, "valueOf", MethodTypeDesc.of(ConstantDescs.CD_Integer, ConstantDescs.CD_int));
            case LONG -> cb.invokestatic(ConstantDescs.CD_Long, "valueOf", MethodTypeDesc.of(ConstantDescs.CD_Long, ConstantDescs.CD_long));
            case FLOAT -> cb.invokestatic(ConstantDescs.CD_Float, "valueOf", MethodTypeDesc.of(ConstantDescs.CD_Float, ConstantDescs.CD_float));
            case DOUBLE -> cb.invokestatic(ConstantDescs.CD_Double, "valueOf", MethodTypeDesc.of(ConstantDescs.CD_Double, ConstantDescs.CD_double));
            default -> {
            }
        }
    }

    /** Unboxes the Object on top into kind {@code k}. */
    void unbox(TypeKind k) {
        switch (k) {
            case INT -> {
                cb.checkcast(ConstantDescs.CD_Integer);
                cb.invokevirtual(ConstantDescs.CD_Integer, "intValue", MethodTypeDesc.of(ConstantDescs.CD_int));
            }
            case LONG -> {
                cb.checkcast(ConstantDescs.CD_Long);
                cb.invokevirtual(ConstantDescs.CD_Long, "longValue", MethodTypeDesc.of(ConstantDescs.CD_long));
            }
            case FLOAT -> {
                cb.checkcast(ConstantDescs.CD_Float);
                cb.invokevirtual(ConstantDescs.CD_Float, "floatValue", MethodTypeDesc.of(ConstantDescs.CD_float));
            }
            case DOUBLE -> {
                cb.checkcast(ConstantDescs.CD_Double);
                cb.invokevirtual(ConstantDescs.CD_Double, "doubleValue", MethodTypeDesc.of(ConstantDescs.CD_double));
            }
            default -> {
            }
        }
    }

    /**
     * After a call returned {@code results} the JVM way (nothing, one value, or an Object[]):
     * unpacks them onto the stack and pushes their types.
     */
    void pushCallResults(List<ValType> results) {
        List<TypeKind> kinds = kinds(results);
        if (kinds.size() > 1) {
            int arr = scratchSlot(TypeKind.REFERENCE, 0);
            cb.astore(arr);
            for (int i = 0; i < kinds.size(); i++) {
                cb.aload(arr);
                cb.loadConstant(i);
                cb.aaload();
                unbox(kinds.get(i));
            }
        }
        stack.addAll(kinds);
    }

    Label newLabel() {
        return cb.newLabel();
    }
}
