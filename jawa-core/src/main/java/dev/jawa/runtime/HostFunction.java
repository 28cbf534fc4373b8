package dev.jawa.runtime;

import dev.jawa.validate.DefinedType;
import java.lang.invoke.MethodHandle;

/**
 * A function implemented by the host: always with raw values (see {@link FunctionInstance#invoke}),
 * and, when the host gave it as a typed Java method, also as a {@linkplain #direct() method handle}
 * with JVM-typed parameters, which compiled code calls without boxing or arrays.
 */
public final class HostFunction extends FunctionInstance {

    /** The host's code. */
    @FunctionalInterface
    public interface Code {
        /** Reads the parameters from the arrays and writes the results to them from index 0. */
        void call(long[] values, Object[] refs);
    }

    private final Code code;
    private final String name;
    private final MethodHandle direct;
    /** The compiler tier's adapter to {@link #invoke}, made on first use (racy on purpose: all are equal). */
    private MethodHandle adapter;

    /** A host function reached through raw value arrays only. */
    public HostFunction(DefinedType type, String name, Code code) {
        this(type, name, code, null);
    }

    /**
     * A host function that also has a typed entry: {@code direct} has the type compiled code calls
     * through, {@code (FunctionInstance, params...) result} (i32 int, i64 long, f32 float, f64 double,
     * references Object; void, the one result, or Object[] of boxed results), ignores its first
     * argument, and already turns the host's exceptions into {@link #wrap wrapped} ones; {@code code}
     * is the same function on raw arrays.
     */
    public HostFunction(DefinedType type, String name, Code code, MethodHandle direct) {
        super(type);
        this.code = code;
        this.name = name;
        this.direct = direct;
    }

    /** The typed entry (see the four-argument constructor), or null for a raw-only function. */
    public MethodHandle direct() {
        return direct;
    }

    /** The adapter {@link #cacheAdapter} kept, or null. */
    public MethodHandle cachedAdapter() {
        return adapter;
    }

    /**
     * Keeps the compiler tier's handle calling {@link #invoke} for this function's signature, so
     * that calls from compiled code do not look it up each time.
     */
    public void cacheAdapter(MethodHandle h) {
        adapter = h;
    }

    /**
     * What an exception thrown by the host's code becomes: Jawa's own ({@link dev.jawa.WasmException}
     * and its subclasses) unchanged, anything else a {@link dev.jawa.HostException} naming
     * {@code function}.
     */
    public static RuntimeException wrap(String function, Throwable e) {
        return e instanceof dev.jawa.WasmException w ? w : new dev.jawa.HostException(function, e);
    }

    /**
     * Runs the host's code. A Java exception it throws becomes a {@link dev.jawa.HostException},
     * so that it unwinds WebAssembly frames like a trap and names the function it came from;
     * except Jawa's own ({@link dev.jawa.WasmException} and its subclasses: a {@link dev.jawa.Trap}
     * raised on purpose, or an exception ending the program such as WASI's exit), which pass
     * unchanged.
     */
    @Override
    public void invoke(long[] values, Object[] refs) {
        try {
            code.call(values, refs);
        } catch (RuntimeException e) {
            throw wrap(name, e);
        }
    }

    @Override
    public String toString() {
        return "host function " + name;
    }
}
