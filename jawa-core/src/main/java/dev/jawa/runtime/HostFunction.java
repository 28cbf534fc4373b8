package dev.jawa.runtime;

import dev.jawa.validate.DefinedType;

/** A function implemented by the host, with raw values (see {@link FunctionInstance#invoke}). */
public final class HostFunction extends FunctionInstance {

    /** The host's code. */
    @FunctionalInterface
    public interface Code {
        /** Reads the parameters from the arrays and writes the results to them from index 0. */
        void call(long[] values, Object[] refs);
    }

    private final Code code;
    private final String name;

    public HostFunction(DefinedType type, String name, Code code) {
        super(type);
        this.code = code;
        this.name = name;
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
        } catch (dev.jawa.WasmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new dev.jawa.HostException(name, e);
        }
    }

    @Override
    public String toString() {
        return "host function " + name;
    }
}
