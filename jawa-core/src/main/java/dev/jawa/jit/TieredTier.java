package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.interp.Interpreter;
import dev.jawa.interp.TierUp;
import dev.jawa.runtime.ExecutionTier;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.Traps;
import dev.jawa.runtime.WasmFunction;
import dev.jawa.types.FuncType;
import dev.jawa.validate.ValidatedModule;
import java.lang.invoke.MethodHandle;
import java.lang.ref.WeakReference;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Tier.AUTO: code starts in the interpreter, which counts calls and backward branches per
 * function ({@link TierUp}). The first function to get hot sends its module to the background
 * compiler ({@link TieringPolicy}); once the module's code is there, each hot function switches
 * over: calls to it leave the interpreter ({@link WasmFunction#compiledCode}), and a loop running
 * in the interpreter moves to the function's OSR entry ({@link OsrEntry}) at its next backward
 * branch. Compiled code calls the module's other functions directly. A function the compiler does
 * not handle stays in the interpreter: its compiled body calls back into it
 * ({@link ModuleCode#fallback}), never an error.
 */
public final class TieredTier implements ExecutionTier, TierUp {

    /** {@link WasmFunction#compiledCode} of a function that has none and never will. */
    private static final Object NOT_COMPILED = new Object();
    /** Budget between two looks at a compile that is still running. */
    private static final int WHILE_COMPILING = 1_000;

    private static final MethodType OSR_CALL = MethodType.methodType(Object.class, long[].class, Object[].class,
            int.class, JitContext.class);

    private final Interpreter interpreter;
    /**
     * Contexts by instance and compiled class (one per chunk). A context refers to its instance,
     * so it is held weakly too, or the instance could never go: the compiled functions bound to
     * it keep it alive as long as it is used (a second context made after it went is just as good).
     */
    private final Map<ModuleInstance, Map<ModuleCode, WeakReference<JitContext>>> contexts = new WeakHashMap<>();

    /** A tier whose interpreter allows {@code maxCallDepth} nested calls. */
    public TieredTier(int maxCallDepth) {
        this.interpreter = new Interpreter(maxCallDepth, this);
    }

    @Override
    public void invoke(WasmFunction f, long[] values, Object[] refs) {
        if (f.compiledCode instanceof JitFunction j) {
            JitTier.call(j, values, refs);
        } else {
            interpreter.invoke(f, values, refs);
        }
    }

    @Override
    public int hot(WasmFunction f) {
        Object known = f.compiledCode;
        if (known instanceof JitFunction) {
            return 0;
        }
        if (known == NOT_COMPILED) {
            return Integer.MAX_VALUE;
        }
        TieringPolicy.Job job = TieringPolicy.request(f.instance().module(), f.definedIndex());
        if (!job.isDone()) {
            return WHILE_COMPILING;
        }
        ModuleCode code = job.code();
        if (code == null || !code.compiled(f.definedIndex())) {
            f.compiledCode = NOT_COMPILED;
            return Integer.MAX_VALUE;
        }
        f.compiledCode = JitTier.bind(f, context(f.instance(), code));
        return 0;
    }

    @Override
    public boolean osr(WasmFunction f, int loopOffset, long[] values, Object[] refs) {
        if (!(f.compiledCode instanceof JitFunction)) {
            return false;
        }
        ModuleCode code = TieringPolicy.request(f.instance().module(), f.definedIndex()).code();
        FuncType t = f.funcType();
        MethodHandle entry = code.osrEntry(f.index(), t, loopOffset);
        if (entry == null) {
            return false;
        }
        TieringPolicy.log("OSR into function " + f.index() + " at the loop at body offset " + loopOffset);
        Object result;
        try {
            result = entry.asType(OSR_CALL).invokeExact(values, refs, loopOffset, context(f.instance(), code));
        } catch (StackOverflowError e) {
            throw new Trap(Traps.STACK_EXHAUSTED);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("unexpected checked exception from compiled code", e);
        }
        JitTier.storeResults(result, t, values, refs);
        TieringPolicy.log("OSR of function " + f.index() + " at the loop at body offset " + loopOffset + " returned");
        return true;
    }

    private JitContext context(ModuleInstance instance, ModuleCode code) {
        synchronized (contexts) {
            Map<ModuleCode, WeakReference<JitContext>> byCode = contexts.computeIfAbsent(instance,
                    i -> new WeakHashMap<>());
            WeakReference<JitContext> known = byCode.get(code);
            JitContext ctx = known == null ? null : known.get();
            if (ctx == null) {
                ctx = new JitContext(instance, code);
                byCode.put(code, new WeakReference<>(ctx));
            }
            return ctx;
        }
    }

    /** Whether {@code module}'s compiled code is ready (for tests and measurements; starts nothing). */
    public static boolean compiled(ValidatedModule module) {
        TieringPolicy.Job job = TieringPolicy.peek(module);
        return job != null && job.code() != null;
    }
}
