package dev.jawa.bench;

import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Export;
import dev.jawa.module.Expr;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Function;
import dev.jawa.module.Global;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.module.SegmentMode;
import dev.jawa.module.Table;
import dev.jawa.types.AddressType;
import dev.jawa.types.FuncType;
import dev.jawa.types.GlobalType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.NumType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.SubType;
import dev.jawa.types.TableType;
import dev.jawa.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a large, valid module for benchmarks: thousands of functions whose code has the mix
 * of compiled code (see {@link FunctionBodyGenerator}), plus the sections such a module has: three
 * signatures, imported functions, a table with every function for indirect calls, a memory with
 * data, globals and exports. The same seed and size give the same module.
 */
public final class LargeModuleGenerator {

    /** The default amount of code: comfortably above 10 MB. */
    public static final long DEFAULT_CODE_BYTES = 12_000_000L;
    /** The default seed. */
    public static final long DEFAULT_SEED = 0x4A617761L;

    /** {@code (i32, i32) -> i32}. */
    static final int TYPE_BINOP = 0;
    /** {@code (i32) -> ()}. */
    static final int TYPE_SINK = 1;
    /** {@code (i64, f64) -> f64}. */
    static final int TYPE_MIXED = 2;
    private static final FuncType[] TYPES = {
        new FuncType(List.of(NumType.I32, NumType.I32), List.of(NumType.I32)),
        new FuncType(List.of(NumType.I32), List.of()),
        new FuncType(List.of(NumType.I64, NumType.F64), List.of(NumType.F64)),
    };

    /**
     * The signatures of the Chicory-compatible variant: the third is {@code (i32, f64) -> f64}.
     * Chicory 1.7.5's compiler, for a signature with many functions, generates a helper class
     * ({@code CompiledMachineIndirect_<type>_<start>}) whose method loads parameter {@code i} from
     * JVM local slot {@code i}, which is wrong when an earlier parameter is an i64 or f64 (two
     * slots): with {@code (i64, f64)} the JVM's verifier rejects the class ("Bad local variable
     * type"). With only one-slot parameters before the last one the slots come out right.
     */
    private static final FuncType[] CHICORY_COMPATIBLE_TYPES = {
        TYPES[0],
        TYPES[1],
        new FuncType(List.of(NumType.I32, NumType.F64), List.of(NumType.F64)),
    };

    /** Globals 0-3 are i32, 4 is i64, 5 is f64; all mutable. */
    static final int I32_GLOBALS = 4;
    static final int F64_GLOBAL = 5;
    static final int GLOBALS = 6;

    /** Declared locals beyond the parameters: 4 i32, 2 i64, 2 f64, then the loop counters. */
    private static final List<LocalGroup> LOCALS = List.of(
            new LocalGroup(4, NumType.I32), new LocalGroup(2, NumType.I64), new LocalGroup(2, NumType.F64),
            new LocalGroup(FunctionBodyGenerator.MAX_LOOP_DEPTH, NumType.I32));

    private LargeModuleGenerator() {
    }

    /** The module of the default size and seed. */
    public static Module generate() {
        return generate(DEFAULT_SEED, DEFAULT_CODE_BYTES);
    }

    /**
     * A module whose function bodies add up to at least {@code codeBytes} bytes.
     *
     * @param seed the random seed: equal seeds and sizes give equal modules
     */
    public static Module generate(long seed, long codeBytes) {
        return generate(seed, codeBytes, false);
    }

    /**
     * A module whose function bodies add up to at least {@code codeBytes} bytes; if {@code
     * chicoryCompatible}, without the signature that Chicory 1.7.5's compiler fails on (see
     * {@link #CHICORY_COMPATIBLE_TYPES}), otherwise alike.
     *
     * @param seed the random seed: equal seeds, sizes and variants give equal modules
     */
    public static Module generate(long seed, long codeBytes, boolean chicoryCompatible) {
        FuncType[] types = chicoryCompatible ? CHICORY_COMPATIBLE_TYPES : TYPES;
        SplittableRandom rng = new SplittableRandom(seed);
        Module.Builder b = Module.builder();
        for (FuncType t : types) {
            b.addRecType(RecType.single(SubType.plain(t)));
        }
        // One imported function per signature, so every signature has a callee from the start.
        String[] importNames = {"combine", "log", "blend"};
        Layout layout = new Layout(types);
        for (int t = 0; t < types.length; t++) {
            b.addImport(new Import("env", importNames[t], new ImportDesc.Func(t)));
            layout.addFunction(t);
        }
        b.addMemory(new MemoryType(AddressType.I32, Limits.between(1, 16), false));
        for (int g = 0; g < GLOBALS; g++) {
            b.addGlobal(new Global(new GlobalType(globalType(g), true), constant(globalType(g), g + 1)));
        }

        FunctionBodyGenerator bodies = new FunctionBodyGenerator(rng, layout);
        long code = 0;
        int defined = 0;
        while (code < codeBytes) {
            int index = layout.functionCount();
            int type = rng.nextInt(10) < 5 ? TYPE_BINOP : rng.nextBoolean() ? TYPE_SINK : TYPE_MIXED;
            Expr body = bodies.body(index, type, 3 + rng.nextInt(20));
            b.addFunction(new Function(type, LOCALS, body));
            layout.addFunction(type);
            code += body.length();
            if (defined++ % 16 == 0) {
                b.addExport(new Export("f" + index, ExternKind.FUNC, index));
            }
        }
        int functions = layout.functionCount();

        b.addTable(new Table(new TableType(AddressType.I32, Limits.between(functions, functions), RefType.FUNCREF),
                null));
        List<Expr> refs = new ArrayList<>(functions);
        for (int f = 0; f < functions; f++) {
            InstructionWriter w = new InstructionWriter(8);
            w.op(Opcode.REF_FUNC).u32(f);
            w.op(Opcode.END);
            refs.add(w.toExpr());
        }
        b.addElement(new ElementSegment(SegmentMode.ACTIVE, 0, constant(NumType.I32, 0), RefType.FUNCREF, refs));
        for (int d = 0; d < 8; d++) {
            byte[] bytes = new byte[64 + rng.nextInt(512)];
            rng.nextBytes(bytes);
            b.addData(new DataSegment(SegmentMode.ACTIVE, 0, constant(NumType.I32, d * 4096), bytes));
        }
        b.addExport(new Export("memory", ExternKind.MEMORY, 0));
        b.addExport(new Export("table", ExternKind.TABLE, 0));
        return b.build();
    }

    static NumType globalType(int g) {
        return g < I32_GLOBALS ? NumType.I32 : g == F64_GLOBAL ? NumType.F64 : NumType.I64;
    }

    private static Expr constant(ValType type, long value) {
        InstructionWriter w = new InstructionWriter(16);
        switch ((NumType) type) {
            case I32 -> w.op(Opcode.I32_CONST).s64((int) value);
            case I64 -> w.op(Opcode.I64_CONST).s64(value);
            case F32 -> w.op(Opcode.F32_CONST).fixed32(Float.floatToRawIntBits(value));
            case F64 -> w.op(Opcode.F64_CONST).fixed64(Double.doubleToRawLongBits(value));
        }
        w.op(Opcode.END);
        return w.toExpr();
    }

    /** Local indices of one signature's functions, by type (parameters first). */
    record Locals(int[] i32, int[] i64, int[] f64, int[] loopCounters) {
    }

    /** The function index space as it grows: which functions have which signature. */
    static final class Layout {
        private final int[][] byType = {new int[64], new int[64], new int[64]};
        private final int[] counts = new int[TYPES.length];
        private final Locals[] locals = new Locals[TYPES.length];
        private final FuncType[] types;
        private int functions;

        Layout(FuncType[] types) {
            this.types = types;
            for (int t = 0; t < types.length; t++) {
                locals[t] = localsOf(types[t]);
            }
        }

        /** The type of the first parameter of signature {@code type}. */
        NumType firstParam(int type) {
            return (NumType) types[type].params().get(0);
        }

        void addFunction(int type) {
            if (counts[type] == byType[type].length) {
                byType[type] = java.util.Arrays.copyOf(byType[type], counts[type] * 2);
            }
            byType[type][counts[type]++] = functions++;
        }

        int functionCount() {
            return functions;
        }

        /**
         * A function of signature {@code type} with a lower index than {@code caller}, so the
         * call graph has no cycles; callers mostly call recent functions, as real code calls
         * helpers defined nearby.
         */
        int callee(int type, int caller, SplittableRandom rng) {
            int n = counts[type];
            while (n > 1 && byType[type][n - 1] >= caller) {
                n--;
            }
            int back = rng.nextInt(4) == 0 ? rng.nextInt(n) : rng.nextInt(Math.min(n, 32));
            return byType[type][n - 1 - back];
        }

        Locals locals(int type) {
            return locals[type];
        }

        private static Locals localsOf(FuncType t) {
            List<Integer> i32 = new ArrayList<>();
            List<Integer> i64 = new ArrayList<>();
            List<Integer> f64 = new ArrayList<>();
            int index = 0;
            for (ValType p : t.params()) {
                (p == NumType.I32 ? i32 : p == NumType.I64 ? i64 : f64).add(index++);
            }
            for (LocalGroup g : LOCALS.subList(0, 3)) {
                for (int i = 0; i < g.count(); i++) {
                    (g.type() == NumType.I32 ? i32 : g.type() == NumType.I64 ? i64 : f64).add(index++);
                }
            }
            int[] counters = new int[FunctionBodyGenerator.MAX_LOOP_DEPTH];
            for (int i = 0; i < counters.length; i++) {
                counters[i] = index++;
            }
            return new Locals(ints(i32), ints(i64), ints(f64), counters);
        }

        private static int[] ints(List<Integer> list) {
            return list.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
