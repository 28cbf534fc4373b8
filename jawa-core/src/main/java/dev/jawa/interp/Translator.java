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
 *   <li>loads and stores on 32-bit memories: {@code memory, offset}; everything else rare goes
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
            switch (op) {
                case NOP, BLOCK, LOOP -> {
                }
                case END -> {
                    if (in.position() >= bodyLength) {
                        emit(Ops.RETURN);
                    }
                }
                case IF -> {
                    emit(Ops.IF);
                    target(info.targetPc(entry++));
                }
                case ELSE -> {
                    emit(Ops.JUMP);
                    target(info.targetPc(entry++));
                }
                case BR, BR_IF, BR_ON_NULL, BR_ON_NON_NULL -> {
                    emit(op.ordinal());
                    branch(entry++, nLocals);
                }
                case BR_TABLE -> {
                    int[] labels = in.labels();
                    emit(Ops.BR_TABLE);
                    emit(labels.length);
                    for (int k = 0; k <= labels.length; k++) {
                        branch(entry++, nLocals);
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
                    emit(op.ordinal() + base);
                    emit(x);
                }
                case GLOBAL_GET, GLOBAL_SET -> {
                    int x = in.index();
                    boolean ref = isRef(module.globalTypes().get(x).valType());
                    emit(ref ? op.ordinal() - Ops.GLOBAL_GET + Ops.GLOBAL_GET_REF : op.ordinal());
                    emit(x);
                }
                case REF_NULL -> emit(Ops.REF_NULL);
                case I32_CONST, F32_CONST -> {
                    emit(op.ordinal());
                    emit((int) in.bits());
                }
                case I64_CONST, F64_CONST -> {
                    emit(op.ordinal());
                    long b = in.bits();
                    emit((int) b);
                    emit((int) (b >>> 32));
                }
                default -> other(op, in, entry);
            }
            entry += extraEntries(op, in);
        }
        int[] code = Arrays.copyOf(out, n);
        for (int f = 0; f < fixupCount; f += 2) {
            code[fixups[f]] = pcMap[fixups[f + 1]];
        }
        return new Compiled(function, code, type.params().size(), nLocals, type.results().size(),
                info.maxStackHeight(), refLocal, v128Locals.toArray());
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
        if (op.isMemoryAccess() && op.prefix() == 0 && !instance.memories()[in.memIndex()].is64()
                && Long.compareUnsigned(in.memOffset(), 0xFFFF_FFFFL) <= 0) {
            emit(op.ordinal());
            emit(in.memIndex());
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
        private int[] a = new int[4];
        private int n;

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
