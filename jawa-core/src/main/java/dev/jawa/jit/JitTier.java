package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.ExecutionTier;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.Traps;
import dev.jawa.runtime.WasmFunction;
import dev.jawa.types.FuncType;
import dev.jawa.validate.ValidatedModule;
import java.lang.invoke.MethodHandle;
import java.lang.ref.WeakReference;
import java.lang.invoke.MethodHandles;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The compiler tier: every function runs as JVM bytecode. A module is compiled on the first call
 * into any of its instances ({@link ModuleCompiler}; one hidden class shared by all instances),
 * and each instance gets a {@link JitContext}. Nothing falls back to the interpreter: a function
 * the compiler cannot handle throws the reason when it is called.
 *
 * <p>A JVM stack overflow inside compiled code becomes the trap "call stack exhausted" at the
 * outermost entry from the host; the JVM stays usable.
 */
public final class JitTier implements ExecutionTier {

    /** Compiled code by module, shared by all tiers; weak, so a dropped module's class can go. */
    private static final Map<ValidatedModule, ModuleCode> CODE = Collections.synchronizedMap(new WeakHashMap<>());
    /**
     * Contexts by instance. Both sides are weak: a context refers to its instance, so a strong
     * value would keep every instance alive forever. A context is all final fields derived from
     * its instance, so one made again after the last was collected is the same; while any
     * function of the instance is bound, its handle keeps the context alive.
     */
    private final Map<ModuleInstance, WeakReference<JitContext>> contexts = new WeakHashMap<>();

    @Override
    public void invoke(WasmFunction f, long[] values, Object[] refs) {
        call(function(f), values, refs);
    }

    /** Calls compiled function {@code j} with raw values (results written back). */
    static void call(JitFunction j, long[] values, Object[] refs) {
        try {
            j.raw.invokeExact(values, refs);
        } catch (StackOverflowError e) {
            throw new Trap(Traps.STACK_EXHAUSTED);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("unexpected checked exception from compiled code", e);
        }
    }

    /** A compiled method's result (null, one boxed value, or an Object[]) to raw values. */
    static void storeResults(Object result, FuncType t, long[] values, Object[] refs) {
        Object[] out = t.results().size() == 1 ? new Object[] {result} : (Object[]) result;
        dev.jawa.runtime.CallArrays.unbox(t.results(), out, values, refs);
    }

    /** The compiled form of {@code f} (compiling its module on first use). */
    JitFunction function(WasmFunction f) {
        if (f.tierCode instanceof JitFunction j) {
            return j;
        }
        JitFunction j = bind(f, context(f.instance()));
        f.tierCode = j;
        return j;
    }

    /** {@code f}'s compiled methods with its instance's context {@code ctx} bound. */
    static JitFunction bind(WasmFunction f, JitContext ctx) {
        MethodHandle m = ctx.code.method(f.index(), f.funcType());
        int n = f.funcType().params().size();
        MethodHandle bound = MethodHandles.insertArguments(m, n, ctx);
        MethodHandle tail = ctx.code.tailMethod(f.index(), f.funcType());
        MethodHandle raw = MethodHandles.insertArguments(ctx.code.bridge(f.index(), f.funcType()), 2, bound);
        return new JitFunction(bound, tail == null ? null : MethodHandles.insertArguments(tail, n, ctx), raw);
    }

    private JitContext context(ModuleInstance instance) {
        ModuleCode code = code(instance.module());
        synchronized (contexts) {
            WeakReference<JitContext> known = contexts.get(instance);
            JitContext ctx = known == null ? null : known.get();
            if (ctx == null) {
                ctx = new JitContext(instance, code);
                contexts.put(instance, new WeakReference<>(ctx));
            }
            return ctx;
        }
    }

    /** Makes {@code code} (loaded ahead of time) the compiled code of {@code module}. */
    static void preset(ValidatedModule module, ModuleCode code) {
        CODE.put(module, code);
    }

    /** The compiled code of {@code module}, compiled on first use. */
    static ModuleCode code(ValidatedModule module) {
        ModuleCode c = CODE.get(module);
        if (c == null) {
            synchronized (module) {
                c = CODE.get(module);
                if (c == null) {
                    c = CodeCache.compile(module, false, true); // each class when first called
                    CODE.put(module, c);
                }
            }
        }
        return c;
    }
}
