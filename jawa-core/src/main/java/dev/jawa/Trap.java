package dev.jawa;

/**
 * A WebAssembly trap: execution hit an error the spec defines ("integer divide by zero", "out of
 * bounds memory access", "call stack exhausted", ...). The message starts with the spec
 * testsuite's wording; {@link #reason()} returns that wording alone.
 *
 * <p>A trap unwinds every WebAssembly frame up to the embedder's call; the instance stays usable
 * (state changed before the trap stays changed).
 */
public class Trap extends WasmException {

    private final String reason;

    public Trap(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** The spec's wording of the trap. */
    public String reason() {
        return reason;
    }
}
