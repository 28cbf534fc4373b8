package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.Opcode;
import dev.jawa.types.FuncType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * Exceptions: throw, throw_ref, try_table, and the legacy try, catch, catch_all, delegate and
 * rethrow. A WebAssembly exception is a JVM exception, the interpreter's
 * {@link dev.jawa.WebAssemblyException} (so it crosses tiers and host calls), and a try is an
 * entry of the method's exception table whose handler catches exactly that class: a trap
 * ({@link dev.jawa.Trap}) or a JVM error is never caught by WebAssembly code.
 *
 * <p>The JVM empties the operand stack when it enters a handler, so a try saves the stack values
 * below it that its catches need in locals of their own when it opens ({@link TryBlock}); a catch
 * reloads them, pushes the payload and branches.
 *
 * <p>Layout. A try_table puts its handler code before its body: {@code goto body; handler: (test
 * the tags, branch) ...; body: ...}. A legacy try's handler is its catch arms, after the body; a
 * tag that none of them catches is rethrown from there, outside the try's range. Table entries are
 * added when a construct ends, so inner ones come first and the JVM finds them first.
 *
 * <p>A legacy {@code delegate l} rethrows from a stub after its body; the ranges of the tries
 * between it and label {@code l} get a hole around the stub, so only handlers that enclose label
 * {@code l} see the exception again.
 */
final class ExceptionEmitter implements InstructionFamily {

    private static final MethodTypeDesc IS_TAG = MethodTypeDesc.of(ConstantDescs.CD_boolean,
            JitExceptions.CD_WASM_EXCEPTION, JvmTypes.CD_CONTEXT, ConstantDescs.CD_int);

    static boolean owns(Opcode op) {
        return switch (op) {
            case THROW, THROW_REF, TRY_TABLE, TRY, CATCH, CATCH_ALL, DELEGATE, RETHROW -> true;
            default -> false;
        };
    }

    /** Every exception instruction is compiled: nothing to reject (kept for the families' protocol). */
    static void checkSupported(Opcode op) {
    }

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        CodeBuilder cb = fc.cb;
        switch (op) {
            case THROW -> throwTag(fc, in.index());
            case THROW_REF -> {
                fc.pop();
                cb.invokestatic(JitExceptions.CD, "raiseRef", MethodTypeDesc.of(JitExceptions.CD_WASM_EXCEPTION, ConstantDescs.CD_Object));
                cb.athrow();
                fc.markDead();
            }
            case TRY_TABLE -> tryTable(fc, in.blockType(), in.catches());
            case TRY -> legacyTry(fc, in.blockType());
            case CATCH -> legacyCatch(fc, in.index());
            case CATCH_ALL -> legacyCatch(fc, -1);
            case DELEGATE -> delegate(fc, in.index());
            case RETHROW -> {
                cb.aload(fc.control(in.index()).tryBlock.exnSlot);
                cb.athrow();
                fc.markDead();
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static FuncType tagType(FunctionCompiler fc, int tag) {
        return fc.wasm.funcType(fc.wasm.tagTypes().get(tag).typeIndex());
    }

    private static void throwTag(FunctionCompiler fc, int tag) {
        CodeBuilder cb = fc.cb;
        int n = tagType(fc, tag).params().size();
        int[] slots = fc.spill(n);
        fc.loadContext();
        cb.loadConstant(tag);
        cb.invokestatic(JitExceptions.CD, "create", MethodTypeDesc.of(JitExceptions.CD_INSTANCE, JvmTypes.CD_CONTEXT, ConstantDescs.CD_int));
        for (int i = 0; i < n; i++) {
            TypeKind k = fc.peek(n - 1 - i);
            cb.loadConstant(i);
            cb.loadLocal(k, slots[i]);
            cb.invokestatic(JitExceptions.CD, "put", MethodTypeDesc.of(JitExceptions.CD_INSTANCE,
                    JitExceptions.CD_INSTANCE, ConstantDescs.CD_int, JvmTypes.desc(k)));
        }
        cb.invokestatic(JitExceptions.CD, "raise", MethodTypeDesc.of(JitExceptions.CD_WASM_EXCEPTION, JitExceptions.CD_INSTANCE));
        cb.athrow();
        for (int i = 0; i < n; i++) {
            fc.pop();
        }
        fc.markDead();
    }

    /**
     * Saves the bottom {@code depth} values of the operand stack in new locals (the JVM stack is
     * left as it was) and returns the locals, bottom first.
     */
    private static int[] saveStack(FunctionCompiler fc, int depth) {
        CodeBuilder cb = fc.cb;
        int[] saved = new int[depth];
        if (depth == 0) {
            return saved;
        }
        int[] upper = fc.spill(fc.stack.size() - depth);
        for (int i = depth - 1; i >= 0; i--) {
            TypeKind k = fc.stack.get(i);
            saved[i] = fc.newLocal(k);
            cb.storeLocal(k, saved[i]);
        }
        for (int i = 0; i < depth; i++) {
            cb.loadLocal(fc.stack.get(i), saved[i]);
        }
        fc.reload(upper);
        return saved;
    }

    private static TryBlock newTryBlock(FunctionCompiler fc, int saveDepth) {
        int[] saved = saveStack(fc, saveDepth);
        List<TypeKind> kinds = List.copyOf(fc.stack.subList(0, saveDepth));
        return new TryBlock(fc.newLabel(), fc.newLabel(), exceptionSlot(fc), saved, kinds);
    }

    /**
     * The local for the exception a new try catches. It must survive only while a legacy catch arm
     * runs (for rethrow), so a try shares it with the tries around it unless it sits in one of
     * their catch arms: one local per depth of catch-arm nesting, not one per try (thousands of
     * nested tries would otherwise give every stack map frame thousands of locals).
     */
    private static int exceptionSlot(FunctionCompiler fc) {
        int depth = 0;
        for (Control c : fc.controls) {
            if (c.tryBlock != null && c.op == Opcode.TRY && !c.tryBlock.rangeOpen) {
                depth++;
            }
        }
        while (fc.exceptionSlots.size() <= depth) {
            fc.exceptionSlots.add(fc.newLocal(TypeKind.REFERENCE));
        }
        return fc.exceptionSlots.get(depth);
    }

    private static Control open(FunctionCompiler fc, Opcode op, BlockType bt, TryBlock tb) {
        List<TypeKind> params = fc.blockParams(bt);
        Control c = new Control(op, fc.stack.size() - params.size(), params, fc.blockResults(bt), fc.newLabel());
        c.tryBlock = tb;
        fc.controls.add(c);
        return c;
    }

    /** Reloads the saved bottom {@code depth} stack values (types already on the type stack or not). */
    private static void reloadSaved(FunctionCompiler fc, TryBlock tb, int depth) {
        for (int i = 0; i < depth; i++) {
            fc.cb.loadLocal(tb.savedKinds.get(i), tb.savedSlots[i]);
        }
    }

    /** Pushes the payload of the caught exception (of tag {@code tag}) and its types. */
    private static void pushPayload(FunctionCompiler fc, TryBlock tb, int tag) {
        CodeBuilder cb = fc.cb;
        FuncType t = tagType(fc, tag);
        for (int i = 0; i < t.params().size(); i++) {
            TypeKind k = JvmTypes.kind(t.params().get(i));
            cb.aload(tb.exnSlot);
            cb.loadConstant(i);
            String name = switch (k) {
                case INT -> "i32";
                case LONG -> "i64";
                case FLOAT -> "f32";
                case DOUBLE -> "f64";
                default -> "object";
            };
            cb.invokestatic(JitExceptions.CD, name, MethodTypeDesc.of(JvmTypes.desc(k), JitExceptions.CD_WASM_EXCEPTION, ConstantDescs.CD_int));
            fc.push(k);
        }
    }

    // ---- try_table ----

    private static void tryTable(FunctionCompiler fc, BlockType bt, Catch[] catches) {
        CodeBuilder cb = fc.cb;
        if (catches.length == 0) {
            open(fc, Opcode.TRY_TABLE, bt, null);
            return;
        }
        // The catches branch out of the try_table: they need the stack below their targets.
        int depth = 0;
        for (Catch k : catches) {
            Control target = fc.control(k.label());
            if (!target.isFunction()) {
                depth = Math.max(depth, target.base);
            }
        }
        TryBlock tb = newTryBlock(fc, depth);
        tb.hasHandler = true;
        cb.goto_(tb.bodyStart);
        cb.labelBinding(tb.handler);
        cb.astore(tb.exnSlot);
        fc.reloadHeap(); // the code that threw may have grown the memory
        Label next = null;
        for (Catch k : catches) {
            if (k.kind().hasTag()) {
                cb.aload(tb.exnSlot);
                fc.loadContext();
                cb.loadConstant(k.tag());
                cb.invokestatic(JitExceptions.CD, "isTag", IS_TAG);
                next = fc.newLabel();
                cb.ifeq(next);
            } else {
                next = null;
            }
            catchBranch(fc, tb, k);
            if (next != null) {
                cb.labelBinding(next);
            }
        }
        if (next != null) {
            // No clause caught it: on to the handlers further out.
            cb.aload(tb.exnSlot);
            cb.athrow();
        }
        cb.labelBinding(tb.bodyStart);
        cb.nop(); // the range is never empty (the JVM rejects an empty one)
        open(fc, Opcode.TRY_TABLE, bt, tb);
    }

    /** The code of one caught clause: rebuilds the target's stack and branches. */
    private static void catchBranch(FunctionCompiler fc, TryBlock tb, Catch k) {
        List<TypeKind> keep = new ArrayList<>(fc.stack);
        fc.stack.clear();
        Control target = fc.control(k.label());
        if (!target.isFunction()) {
            reloadSaved(fc, tb, target.base);
            fc.stack.addAll(tb.savedKinds.subList(0, target.base));
        }
        if (k.kind().hasTag()) {
            pushPayload(fc, tb, k.tag());
        }
        if (k.kind() == Catch.Kind.CATCH_REF || k.kind() == Catch.Kind.CATCH_ALL_REF) {
            fc.cb.aload(tb.exnSlot);
            fc.cb.invokestatic(JitExceptions.CD, "ref", MethodTypeDesc.of(ConstantDescs.CD_Object, JitExceptions.CD_WASM_EXCEPTION));
            fc.push(TypeKind.REFERENCE);
        }
        fc.branch(k.label());
        fc.stack.clear();
        fc.stack.addAll(keep);
    }

    // ---- legacy try ----

    private static void legacyTry(FunctionCompiler fc, BlockType bt) {
        int base = fc.stack.size() - fc.blockParams(bt).size();
        TryBlock tb = newTryBlock(fc, base);
        fc.cb.labelBinding(tb.bodyStart);
        fc.cb.nop();
        open(fc, Opcode.TRY, bt, tb);
    }

    /** A legacy catch ({@code tag} >= 0) or catch_all: ends the body or the previous arm. */
    private static void legacyCatch(FunctionCompiler fc, int tag) {
        CodeBuilder cb = fc.cb;
        Control c = fc.control(0);
        TryBlock tb = c.tryBlock;
        if (!fc.isDead()) {
            cb.goto_(c.label);
            c.used = true;
        }
        if (tb.rangeOpen) {
            closeRange(fc, tb);
            tb.hasHandler = true;
            cb.labelBinding(tb.handler);
            cb.astore(tb.exnSlot);
            fc.reloadHeap(); // the code that threw may have grown the memory
        } else if (tb.noMatch != null) {
            cb.labelBinding(tb.noMatch);
            tb.noMatch = null;
        }
        if (tag >= 0) {
            cb.aload(tb.exnSlot);
            fc.loadContext();
            cb.loadConstant(tag);
            cb.invokestatic(JitExceptions.CD, "isTag", IS_TAG);
            tb.noMatch = fc.newLabel();
            cb.ifeq(tb.noMatch);
        }
        fc.truncate(c.base);
        reloadSaved(fc, tb, c.base);
        if (tag >= 0) {
            pushPayload(fc, tb, tag);
        }
        fc.setLive();
    }

    private static void closeRange(FunctionCompiler fc, TryBlock tb) {
        tb.bodyEnd = fc.newLabel();
        fc.cb.labelBinding(tb.bodyEnd);
        tb.rangeOpen = false;
    }

    /** {@code delegate l}: ends a legacy try whose exceptions go on as if thrown at label l. */
    private static void delegate(FunctionCompiler fc, int label) {
        CodeBuilder cb = fc.cb;
        Control c = fc.control(0);
        TryBlock tb = c.tryBlock;
        if (!fc.isDead()) {
            cb.goto_(c.label);
            c.used = true;
        }
        closeRange(fc, tb);
        tb.hasHandler = true;
        cb.labelBinding(tb.handler);
        cb.athrow();
        // Label l counts from outside this try: the constructs at depths 1..l lie inside the target.
        Label holeEnd = null;
        for (int d = 1; d <= label; d++) {
            TryBlock inner = fc.control(d).tryBlock;
            if (inner != null && inner.rangeOpen) {
                if (holeEnd == null) {
                    holeEnd = fc.newLabel();
                    fc.cb.labelBinding(holeEnd);
                    // Keeps the range after the hole from being empty. Only when there is a hole:
                    // this nop is often dead code, and the class file writer splits every range
                    // around dead code (thousands of nested delegates would give millions of entries).
                    cb.nop();
                }
                inner.holes.add(new Label[] {tb.handler, holeEnd});
            }
        }
        fc.markDead();
        ControlEmitter.end(fc);
    }

    /**
     * Called by {@link ControlEmitter} before it closes a construct with a {@link TryBlock}: ends
     * the range, finishes a legacy try's last catch arm and adds the exception-table entries.
     */
    static void beforeEnd(FunctionCompiler fc, Control c) {
        CodeBuilder cb = fc.cb;
        TryBlock tb = c.tryBlock;
        if (tb.noMatch != null) {
            // A legacy try whose last clause is a catch: other tags go on outwards.
            if (!fc.isDead()) {
                cb.goto_(c.label);
                c.used = true;
            }
            cb.labelBinding(tb.noMatch);
            tb.noMatch = null;
            cb.aload(tb.exnSlot);
            cb.athrow();
            fc.markDead();
        }
        if (tb.rangeOpen) {
            closeRange(fc, tb);
        }
        if (tb.hasHandler) {
            Label start = tb.bodyStart;
            for (Label[] hole : tb.holes) {
                cb.exceptionCatch(start, hole[0], tb.handler, JitExceptions.CD_WASM_EXCEPTION);
                start = hole[1];
            }
            cb.exceptionCatch(start, tb.bodyEnd, tb.handler, JitExceptions.CD_WASM_EXCEPTION);
        }
    }
}
