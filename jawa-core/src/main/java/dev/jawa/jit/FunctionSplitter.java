package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Catch;
import dev.jawa.module.Opcode;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits functions too large for one JVM method (64 KiB of bytecode; or 8,000 bytes, above which
 * HotSpot does not compile a method at all) into several methods.
 *
 * <p>Once a method holds {@link #splitBytes()} bytes of WebAssembly, the rest of the innermost open
 * construct (up to the {@code end} or {@code else} closing it) is compiled into a method of its
 * own, a <em>region</em>, and called: {@code static int r(long[] nums, Object[] refs, JitContext)}.
 * The frame arrays carry what crosses the call: the locals the region uses (numbers as raw bits
 * in {@code nums}, references in {@code refs}), then the operand values above the construct's
 * base going in, and the values a branch carries going out. The result says where control goes
 * on: -1 to the closing instruction (the construct's results in the frame), or a depth {@code d}:
 * a branch to the caller's construct {@code d} out, which the caller then takes (a return is a
 * branch to the function). The region checks the threshold too, so a region that is still too
 * large splits again, and any function compiles.
 *
 * <p>Calls cost a copy of the used locals each way (and the frame arrays, which HotSpot does not
 * inline away for regions of this size), so only stretches past the threshold are split, and
 * their size makes the copy small next to their work; a function whose whole body fits in
 * {@link #WHOLE_METHOD_BYTES} of bytecode is not split at all (see {@link #splitLimit}), and
 * where a cut is needed it goes before a construct that then fits whole (see {@link #due}). Not split: stretches with
 * legacy exception instructions (try, catch, delegate, rethrow) or tail calls (both refer to
 * state only the whole function has); in practice they are rare in huge functions.
 *
 * <p>The threshold is the system property {@code jawa.jit.splitBytes} (tests set it low so every
 * function of the spec testsuite goes through this path).
 */
final class FunctionSplitter {

    /** Bytes of WebAssembly in one method before the rest of a construct is split off (by default). */
    static final int DEFAULT_SPLIT_BYTES = 2_000;

    /** The threshold now: the property {@code jawa.jit.splitBytes}, else the default (read per module). */
    static int splitBytes() {
        return Integer.getInteger("jawa.jit.splitBytes", DEFAULT_SPLIT_BYTES);
    }

    /**
     * The most bytes of JVM bytecode a function compiled whole may take, though its WebAssembly is
     * past the split threshold: below HotSpot's limit of 8,000 with room to spare, since C2 takes
     * long over, and may give up on, the largest methods.
     */
    static final int WHOLE_METHOD_BYTES = 7_500;

    /**
     * The split threshold of a method of function {@code index}: none while compiling it whole on
     * trial; none for a plain method whose whole body, compiled on trial, fits in
     * {@link #WHOLE_METHOD_BYTES} of bytecode; else the module's. The threshold counts
     * WebAssembly bytes, which become from one to about four bytes of bytecode each, so it must
     * assume the worst; most functions just past it fit in one method, and splitting them costs
     * every call into a region its frame arrays (malloc in C programs is such a function). A
     * threshold lowered below the default (tests) is kept as it is.
     */
    static int splitLimit(ModuleCompiler module, int index, dev.jawa.types.FuncType type,
            dev.jawa.module.Function def, boolean tail, boolean entryOrRegion) {
        if (module.wholeTrial) {
            return Integer.MAX_VALUE;
        }
        int limit = module.splitBytes;
        // A body longer than the bytecode allowed seldom compiles smaller (only long constants
        // and local indices shrink), so the trial, which costs a second compile, is skipped.
        if (entryOrRegion || limit < DEFAULT_SPLIT_BYTES || def.body().length() <= limit
                || def.body().length() > WHOLE_METHOD_BYTES) {
            return limit;
        }
        return fitsWhole(module, index, type, def, tail) ? Integer.MAX_VALUE : limit;
    }

    /** Compiles function {@code index} unsplit into a class of its own: whether it fits. */
    private static boolean fitsWhole(ModuleCompiler module, int index, dev.jawa.types.FuncType type,
            dev.jawa.module.Function def, boolean tail) {
        String name = ModuleCompiler.methodName(index);
        MethodTypeDesc desc = tail ? ModuleCompiler.tailMethodDesc(type) : JvmTypes.methodDesc(type);
        module.wholeTrial = true;
        try {
            byte[] bytes = JitClassFile.CONTEXT.build(module.classDesc, clb -> {
                JitClassFile.header(clb);
                clb.withMethodBody(name, desc, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        cb -> new FunctionCompiler(module, cb, index, type, def, tail).compile(def));
            });
            for (var m : ClassFile.of().parse(bytes).methods()) {
                if (m.methodName().equalsString(name)) {
                    return m.findAttribute(java.lang.classfile.Attributes.code())
                            .map(c -> c.codeLength() <= WHOLE_METHOD_BYTES).orElse(false);
                }
            }
            return false;
        } catch (CompileLimitException | IllegalArgumentException | IllegalStateException e) {
            return false;
        } finally {
            module.wholeTrial = false;
        }
    }

    static final int REGION_NUMS = 0;
    static final int REGION_REFS = 1;
    static final int REGION_CONTEXT = 2;
    /** The first JVM slot of a region method's locals (after the frame arrays and the context). */
    static final int REGION_FIRST_LOCAL = 3;

    static final ClassDesc CD_LONG_ARRAY = ConstantDescs.CD_long.arrayType();
    static final MethodTypeDesc REGION_DESC = MethodTypeDesc.of(ConstantDescs.CD_int, CD_LONG_ARRAY,
            JvmTypes.CD_OBJECT_ARRAY, JvmTypes.CD_CONTEXT);

    private FunctionSplitter() {
    }

    /**
     * Whether to split before {@code op} (read, starting at {@code at}): past the threshold; and
     * where a block, loop or if starts that would fit in a method of its own but not in what is
     * left of this one, so that it runs whole in one region. That matters for hot loop nests in
     * huge functions (a C main with its kernel inlined): cut at the nest's start, it runs whole
     * in one method; cut inside, every iteration of the loop around the cut calls a region that
     * allocates its frame arrays. A construct too large for any one method is split off at its
     * start once past half the threshold, which leaves it the most room before it is cut.
     */
    static boolean due(FunctionCompiler fc, Opcode op, int at) {
        int limit = fc.splitLimit;
        if (limit == Integer.MAX_VALUE) {
            return false;
        }
        if (fc.compiledBytes > limit) {
            return true;
        }
        if (op != Opcode.BLOCK && op != Opcode.LOOP && op != Opcode.IF || fc.compiledBytes < MIN_CALLER_BYTES) {
            return false;
        }
        int length = constructLength(fc, at, limit + 1);
        if (length <= limit) {
            return fc.compiledBytes + length > limit;
        }
        return fc.compiledBytes > limit / 2;
    }

    /**
     * Bytes compiled into a method before a construct that would not fit is moved to a region of
     * its own: below that, the split would leave a caller doing next to nothing.
     */
    private static final int MIN_CALLER_BYTES = 64;

    /**
     * The length in bytes of the block, loop or if starting at {@code at}, up to and with its
     * {@code end}; {@code cap} (or more) when it is at least that long.
     */
    private static int constructLength(FunctionCompiler fc, int at, int cap) {
        InstructionReader r = fc.def.body().reader();
        r.position(at);
        int length = fc.def.body().length();
        int depth = 0;
        while (r.position() < length && r.position() - at < cap) {
            switch (r.next()) {
                case BLOCK, LOOP, IF, TRY_TABLE, TRY -> depth++;
                case END, DELEGATE -> {
                    if (--depth == 0) {
                        return r.position() - at;
                    }
                }
                default -> {
                }
            }
        }
        return cap;
    }

    /**
     * At the instruction {@code op} (read, starting at {@code at}): outlines the rest of the
     * innermost construct if it can. Returns false (nothing done) if not.
     */
    static boolean split(FunctionCompiler fc, Opcode op, InstructionReader in, int at) {
        switch (op) {
            case END, ELSE, CATCH, CATCH_ALL, DELEGATE -> {
                return false;
            }
            default -> {
            }
        }
        Control inner = fc.controls.get(fc.controls.size() - 1);
        if (inner.op == Opcode.TRY || inner == fc.noSplitIn) {
            return false;
        }
        SplitRegion region = scan(fc, at);
        if (region == null) {
            // The rest of this construct only gets shorter: do not look again until it closes.
            fc.noSplitIn = inner;
            return false;
        }
        if (fc.pending != null) {
            fc.materialize();
        }
        fc.module.regions.add(region);
        emitCall(fc, region);
        // The caller goes on at the closing instruction.
        in.position(region.end());
        return true;
    }

    /** The region from {@code at} to the end of the innermost construct, or null if not splittable. */
    private static SplitRegion scan(FunctionCompiler fc, int at) {
        InstructionReader r = fc.def.body().reader();
        r.position(at);
        int length = fc.def.body().length();
        boolean[] used = new boolean[fc.localCount()];
        boolean[] set = new boolean[used.length];
        TreeSet<Integer> targets = new TreeSet<>();
        int functionDepth = fc.controls.size() - 1;
        int depth = 0;
        int end = -1;
        while (end < 0 && r.position() < length) {
            int p = r.position();
            Opcode o = r.next();
            switch (o) {
                case BLOCK, LOOP, IF -> depth++;
                case TRY_TABLE -> {
                    for (Catch k : r.catches()) {
                        target(targets, k.label() - depth);
                    }
                    depth++;
                }
                case END, ELSE -> {
                    if (depth == 0) {
                        end = p;
                    } else if (o == Opcode.END) {
                        depth--;
                    }
                }
                case TRY, CATCH, CATCH_ALL, DELEGATE, RETHROW, RETURN_CALL, RETURN_CALL_INDIRECT, RETURN_CALL_REF -> {
                    return null;
                }
                case LOCAL_GET -> used[r.index()] = true;
                case LOCAL_SET, LOCAL_TEE -> {
                    used[r.index()] = true;
                    set[r.index()] = true;
                }
                case BR, BR_IF, BR_ON_NULL, BR_ON_NON_NULL, BR_ON_CAST, BR_ON_CAST_FAIL ->
                        target(targets, r.index() - depth);
                case BR_TABLE -> {
                    for (int l : r.labels()) {
                        target(targets, l - depth);
                    }
                    target(targets, r.index() - depth);
                }
                case RETURN -> targets.add(functionDepth);
                default -> {
                }
            }
        }
        // The shortest stretch worth a method of its own.
        if (end < 0 || end - at < Math.min(fc.module.splitBytes, 64)) {
            return null;
        }
        List<Integer> locals = new ArrayList<>();
        for (int l = 0; l < used.length; l++) {
            if (used[l]) {
                locals.add(l);
            }
        }
        int[] localArray = locals.stream().mapToInt(Integer::intValue).toArray();
        boolean[] written = new boolean[localArray.length];
        for (int i = 0; i < localArray.length; i++) {
            written[i] = set[localArray[i]];
        }
        Control inner = fc.controls.get(fc.controls.size() - 1);
        List<TypeKind> params = List.copyOf(fc.stack.subList(inner.base, fc.stack.size()));
        List<Control> exits = new ArrayList<>();
        int transfer = Math.max(params.size(), inner.results.size());
        for (int c = 0; c < fc.controls.size(); c++) {
            Control outer = fc.controls.get(c);
            Control copy = new Control(outer.op, 0, outer.params, outer.results, null);
            copy.exitDepth = fc.controls.size() - 1 - c;
            exits.add(copy);
            transfer = Math.max(transfer, outer.carried().size());
        }
        String name = fc.module.regionName(fc.funcIndex);
        RegionCall call = new RegionCall(targets);
        fc.pendingCall = call;
        return new SplitRegion(name, fc.funcIndex, fc.type, fc.def, at, end, params, exits, localArray, written,
                localArray.length + transfer);
    }

    private static void target(TreeSet<Integer> targets, int depth) {
        if (depth >= 0) {
            targets.add(depth);
        }
    }

    /** The branch targets of a region, found by {@link #scan}, for the call that follows. */
    record RegionCall(TreeSet<Integer> targets) {
    }

    // ---- The call site ----

    private static void emitCall(FunctionCompiler fc, SplitRegion region) {
        CodeBuilder cb = fc.cb;
        if (fc.splitNums < 0) {
            fc.splitNums = fc.newLocal(TypeKind.REFERENCE);
            fc.splitRefs = fc.newLocal(TypeKind.REFERENCE);
        }
        int nums = fc.splitNums;
        int refs = fc.splitRefs;
        int base = region.locals().length;
        List<TypeKind> params = region.params();
        int[] paramSlots = fc.spill(params.size());
        cb.loadConstant(region.frameSize());
        cb.newarray(TypeKind.LONG);
        cb.astore(nums);
        cb.loadConstant(region.frameSize());
        cb.anewarray(ConstantDescs.CD_Object);
        cb.astore(refs);
        for (int i = 0; i < params.size(); i++) {
            store(cb, params.get(i), nums, refs, base + i, paramSlots[i]);
        }
        fc.truncate(fc.stack.size() - params.size());
        int[] locals = region.locals();
        for (int i = 0; i < locals.length; i++) {
            store(cb, fc.localKind(locals[i]), nums, refs, i, fc.localSlot(locals[i]));
        }
        cb.aload(nums);
        cb.aload(refs);
        fc.loadContext();
        cb.invokestatic(fc.module.classDesc, region.name(), REGION_DESC);
        fc.reloadHeap(); // the region may have called code that grew the memory
        for (int i = 0; i < locals.length; i++) {
            if (region.written()[i]) {
                TypeKind k = fc.localKind(locals[i]);
                JvmTypes.loadRaw(cb, k, nums, refs, i);
                cb.storeLocal(k, fc.localSlot(locals[i]));
            }
        }
        RegionCall call = fc.pendingCall;
        fc.pendingCall = null;
        Label fallThrough = cb.newLabel();
        if (call.targets().isEmpty()) {
            cb.pop();
        } else {
            List<SwitchCase> cases = new ArrayList<>();
            List<Label> stubs = new ArrayList<>();
            for (int d : call.targets()) {
                Label l = cb.newLabel();
                cases.add(SwitchCase.of(d, l));
                stubs.add(l);
            }
            cb.lookupswitch(fallThrough, cases);
            int s = 0;
            for (int d : call.targets()) {
                cb.labelBinding(stubs.get(s++));
                List<TypeKind> carried = fc.control(d).carried();
                for (int i = 0; i < carried.size(); i++) {
                    JvmTypes.loadRaw(cb, carried.get(i), nums, refs, base + i);
                    fc.push(carried.get(i));
                }
                fc.branch(d);
                fc.truncate(fc.stack.size() - carried.size());
            }
        }
        cb.labelBinding(fallThrough);
        Control inner = fc.controls.get(fc.controls.size() - 1);
        for (int i = 0; i < inner.results.size(); i++) {
            JvmTypes.loadRaw(cb, inner.results.get(i), nums, refs, base + i);
            fc.push(inner.results.get(i));
        }
    }

    // ---- The region method ----

    /** Compiles {@code fc}'s region: loads the frame, compiles the stretch, hands the results back. */
    static void compileRegion(FunctionCompiler fc) {
        SplitRegion region = fc.region;
        CodeBuilder cb = fc.cb;
        int[] locals = region.locals();
        for (int i = 0; i < locals.length; i++) {
            TypeKind k = fc.localKind(locals[i]);
            JvmTypes.loadRaw(cb, k, REGION_NUMS, REGION_REFS, i);
            cb.storeLocal(k, fc.localSlot(locals[i]));
        }
        fc.controls.addAll(region.exits());
        int base = locals.length;
        for (int i = 0; i < region.params().size(); i++) {
            JvmTypes.loadRaw(cb, region.params().get(i), REGION_NUMS, REGION_REFS, base + i);
            fc.push(region.params().get(i));
        }
        fc.regionEpilogue = cb.newLabel();
        InstructionReader in = region.def().body().reader();
        in.position(region.start());
        fc.compileRange(in, region.end());
        if (!fc.isDead()) {
            if (fc.pending != null) {
                fc.materialize();
            }
            // Falls through to the closing instruction with the construct's results on the stack.
            List<TypeKind> results = List.copyOf(fc.stack);
            int[] slots = fc.spillKinds(results, 0);
            for (int i = 0; i < results.size(); i++) {
                store(cb, results.get(i), REGION_NUMS, REGION_REFS, base + i, slots[i]);
            }
            cb.iconst_m1();
            cb.goto_(fc.regionEpilogue);
        }
        cb.labelBinding(fc.regionEpilogue);
        for (int i = 0; i < locals.length; i++) {
            if (region.written()[i]) {
                store(cb, fc.localKind(locals[i]), REGION_NUMS, REGION_REFS, i, fc.localSlot(locals[i]));
            }
        }
        cb.ireturn();
    }

    /** In a region method: a branch to the caller's construct {@code target}, carrying its values. */
    static void exit(FunctionCompiler fc, Control target) {
        CodeBuilder cb = fc.cb;
        List<TypeKind> carried = target.carried();
        int[] slots = fc.spillKinds(carried, 0);
        for (int i = fc.stack.size() - carried.size() - 1; i >= 0; i--) {
            fc.popValue(fc.stack.get(i));
        }
        int base = fc.region.locals().length;
        for (int i = 0; i < carried.size(); i++) {
            store(cb, carried.get(i), REGION_NUMS, REGION_REFS, base + i, slots[i]);
        }
        cb.loadConstant(target.exitDepth);
        cb.goto_(fc.regionEpilogue);
    }

    // ---- Frame arrays ----

    /** frame[index] = the value in local {@code slot}, of kind {@code k}. */
    private static void store(CodeBuilder cb, TypeKind k, int nums, int refs, int index, int slot) {
        if (k == TypeKind.REFERENCE) {
            cb.aload(refs);
            cb.loadConstant(index);
            cb.aload(slot);
            cb.aastore();
            return;
        }
        cb.aload(nums);
        cb.loadConstant(index);
        cb.loadLocal(k, slot);
        switch (k) {
            case INT -> cb.i2l();
            case FLOAT -> {
                cb.invokestatic(ConstantDescs.CD_Float, "floatToRawIntBits",
                        MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_float));
                cb.i2l();
            }
            case DOUBLE -> cb.invokestatic(ConstantDescs.CD_Double, "doubleToRawLongBits",
                    MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_double));
            default -> {
            }
        }
        cb.lastore();
    }

    /** Adds the methods of the regions split off so far (compiling them may split off more). */
    static void drain(ModuleCompiler module, ClassBuilder clb) {
        SplitRegion r;
        while ((r = module.regions.poll()) != null) {
            SplitRegion region = r;
            clb.withMethodBody(region.name(), REGION_DESC, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                    cb -> new FunctionCompiler(module, cb, region).compile(region.def()));
        }
    }
}
