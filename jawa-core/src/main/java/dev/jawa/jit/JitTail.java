package dev.jawa.jit;

import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.WasmFunction;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandle;

/**
 * Tail calls in constant JVM stack, by trampoline. A function that contains return_call* is
 * compiled twice over: its body as {@code t<index>}, returning Object (its boxed result, or a
 * {@link TailCall} naming the callee and its arguments), and its usual entry {@code f<index>},
 * which runs the body and then {@link #finish}es: as long as the result is a tail call, the call
 * is made here, one frame deep, through the callee's body if it has one. So a chain of any length
 * of tail calls never grows the JVM stack. Only functions that contain a tail call pay for it
 * (boxing and an allocation per tail call).
 *
 * <p>Results travel as {@link JitCalls#callBoxed} returns them: null (no result), the boxed
 * result, or an Object[] of several.
 */
final class JitTail {

    static final ClassDesc CD = ClassDesc.of(JitTail.class.getName());

    /** A pending tail call. */
    record TailCall(FunctionInstance function, Object[] args) {
    }

    private JitTail() {
    }

    /** What {@code return_call} returns from a body: the call to make. */
    static Object call(FunctionInstance f, Object[] args) {
        return new TailCall(f, args);
    }

    /** Makes pending tail calls until a result comes back. */
    static Object finish(Object result) {
        Object r = result;
        while (r instanceof TailCall t) {
            r = run(t.function(), t.args());
        }
        return r;
    }

    private static Object run(FunctionInstance f, Object[] args) {
        JitFunction j = null;
        if (f instanceof WasmFunction w) {
            if (w.compiledCode instanceof JitFunction c) {
                j = c; // Tier.AUTO, once compiled
            } else if (w.instance().tier() instanceof JitTier tier) {
                j = tier.function(w);
            }
        }
        if (j != null) {
            MethodHandle h = j.tailHandle != null ? j.tailHandle : j.handle;
            try {
                return h.invokeWithArguments(args);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("unexpected checked exception from compiled code", e);
            }
        }
        return JitCalls.callBoxed(f, args);
    }
}
