package dev.jawa.interp;

import dev.jawa.module.Opcode;
import dev.jawa.runtime.ExecutionTier;
import dev.jawa.runtime.UnsupportedInstructionException;
import dev.jawa.runtime.WasmFunction;
import dev.jawa.validate.ValidatedModule;

/**
 * The interpreter tier: translates each function on its first call ({@link Translator}) and runs
 * it on the calling thread's {@link Machine}.
 */
public final class Interpreter implements ExecutionTier {

    /** The default bound on nested WebAssembly calls. */
    public static final int DEFAULT_MAX_DEPTH = 100_000;

    private static final Opcode[] OPCODES = Opcode.values();

    private final ThreadLocal<Machine> machines;

    /** An interpreter allowing {@link #DEFAULT_MAX_DEPTH} nested calls. */
    public Interpreter() {
        this(DEFAULT_MAX_DEPTH);
    }

    /** An interpreter allowing {@code maxDepth} nested calls before the trap "call stack exhausted". */
    public Interpreter(int maxDepth) {
        this(maxDepth, null);
    }

    /**
     * An interpreter that hands hot functions over to {@code tierUp} (null: to no one), allowing
     * {@code maxDepth} nested calls.
     */
    public Interpreter(int maxDepth, TierUp tierUp) {
        this.machines = ThreadLocal.withInitial(() -> new Machine(maxDepth, tierUp));
    }

    @Override
    public void invoke(WasmFunction f, long[] values, Object[] refs) {
        machines.get().invoke(f, values, refs);
    }

    /**
     * Translations by module, shared by all its instances: a function is translated once per
     * module, whichever instance calls it first. Weak keys, so a module no longer used is dropped
     * with its translations (the templates reference no instance and so never the key).
     */
    private static final java.util.Map<ValidatedModule, Compiled[]> BY_MODULE =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * The translation of {@code f}, made on first use. Unless {@code counted} (a {@link TierUp}
     * wants to hear of hot functions), its budget never runs out in practice: a budget running out
     * takes a path the dispatch loop's compiled code has never seen, and HotSpot would deoptimize
     * and recompile the whole loop for nothing, once for each function that gets hot.
     */
    static Compiled compiled(WasmFunction f, boolean counted) {
        // Small, so that the dispatch loop inlines this test and calls translateFirst, whose code
        // would otherwise be compiled into the loop (which makes compiling the loop slower).
        return f.tierCode instanceof Compiled compiled ? compiled : translateFirst(f, counted);
    }

    private static Compiled translateFirst(WasmFunction f, boolean counted) {
        ValidatedModule module = f.instance().module();
        Compiled[] shared = BY_MODULE.computeIfAbsent(module, m -> new Compiled[m.functionCount()]);
        Compiled made;
        synchronized (shared) {
            Compiled known = shared[f.definedIndex()];
            if (known == null) {
                made = Translator.translate(f);
                // The template holds no instance, so the cache never keeps an instance (or, through
                // it, its module key) alive.
                shared[f.definedIndex()] = made.forFunction(null);
            } else {
                made = known.forFunction(f);
            }
        }
        if (!counted) {
            made.hotness = Integer.MAX_VALUE;
        }
        f.tierCode = made;
        return made;
    }

    static RuntimeException unsupported(int op, int immediate) {
        if (op == Ops.UNSUPPORTED) {
            return new UnsupportedInstructionException(OPCODES[immediate]);
        }
        return new IllegalStateException("bad interpreter operation " + op);
    }
}
