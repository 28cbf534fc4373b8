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

    @Override
    public void invoke(long[] values, Object[] refs) {
        code.call(values, refs);
    }

    @Override
    public String toString() {
        return "host function " + name;
    }
}
