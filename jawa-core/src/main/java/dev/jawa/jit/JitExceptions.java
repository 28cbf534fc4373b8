package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.WebAssemblyException;
import dev.jawa.runtime.ExceptionInstance;
import dev.jawa.runtime.TagInstance;
import dev.jawa.runtime.Traps;
import dev.jawa.types.FuncType;
import java.lang.constant.ClassDesc;

/**
 * What compiled code calls to throw and catch WebAssembly exceptions. An exception travels as the
 * interpreter's {@link WebAssemblyException} around an {@link ExceptionInstance}, so it crosses
 * tiers and host calls unchanged; the payload is kept as raw values (numbers as bits, f32 as a
 * sign-extended int, references in {@code refs}), as in {@link dev.jawa.runtime.Global}.
 */
final class JitExceptions {

    static final ClassDesc CD = ClassDesc.of(JitExceptions.class.getName());
    static final ClassDesc CD_WASM_EXCEPTION = ClassDesc.of(WebAssemblyException.class.getName());
    static final ClassDesc CD_INSTANCE = ClassDesc.of(ExceptionInstance.class.getName());

    private JitExceptions() {
    }

    /** A new exception of tag {@code tag} of the instance, its payload still to be filled in. */
    static ExceptionInstance create(JitContext ctx, int tag) {
        TagInstance t = ctx.instance.tags()[tag];
        int n = ((FuncType) t.type().subType().composite()).params().size();
        return new ExceptionInstance(t, new long[n], new Object[n]);
    }

    static ExceptionInstance put(ExceptionInstance e, int i, int v) {
        e.values()[i] = v;
        return e;
    }

    static ExceptionInstance put(ExceptionInstance e, int i, long v) {
        e.values()[i] = v;
        return e;
    }

    static ExceptionInstance put(ExceptionInstance e, int i, float v) {
        e.values()[i] = Float.floatToRawIntBits(v);
        return e;
    }

    static ExceptionInstance put(ExceptionInstance e, int i, double v) {
        e.values()[i] = Double.doubleToRawLongBits(v);
        return e;
    }

    static ExceptionInstance put(ExceptionInstance e, int i, Object v) {
        e.refs()[i] = v;
        return e;
    }

    /** The JVM exception that carries {@code e} (throw). */
    static WebAssemblyException raise(ExceptionInstance e) {
        return new WebAssemblyException(e);
    }

    /** throw_ref: the JVM exception carrying the exnref {@code e}; a null reference traps. */
    static WebAssemblyException raiseRef(Object e) {
        if (e == null) {
            throw new Trap(Traps.NULL_EXCEPTION);
        }
        return new WebAssemblyException((ExceptionInstance) e);
    }

    /** Whether the caught exception has the instance's tag {@code tag}. */
    static boolean isTag(WebAssemblyException e, JitContext ctx, int tag) {
        return e.exception().tag() == ctx.instance.tags()[tag];
    }

    /** The caught exception's value (exnref). */
    static Object ref(WebAssemblyException e) {
        return e.exception();
    }

    // ---- payload value i of a caught exception, by JVM kind ----

    static int i32(WebAssemblyException e, int i) {
        return (int) e.exception().values()[i];
    }

    static long i64(WebAssemblyException e, int i) {
        return e.exception().values()[i];
    }

    static float f32(WebAssemblyException e, int i) {
        return Float.intBitsToFloat((int) e.exception().values()[i]);
    }

    static double f64(WebAssemblyException e, int i) {
        return Double.longBitsToDouble(e.exception().values()[i]);
    }

    static Object object(WebAssemblyException e, int i) {
        return e.exception().refs()[i];
    }
}
