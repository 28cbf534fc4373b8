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

    /**
     * One WebAssembly frame of a trap's stack: the function (index in its module's function index
     * space, and its name from the name section, or null), innermost first.
     */
    public record Frame(String module, int functionIndex, String functionName) {

        @Override
        public String toString() {
            String m = module == null ? "" : module + ".";
            return functionName != null ? m + "$" + functionName + " (func " + functionIndex + ")"
                    : m + "func " + functionIndex;
        }
    }

    private final String reason;
    private final java.util.List<Frame> frames = new java.util.ArrayList<>();

    /** A trap with the spec's wording {@code reason}. */
    public Trap(String reason) {
        super(reason);
        this.reason = reason;
    }

    /**
     * A trap with the spec's wording {@code reason} and details for a person: the message is
     * {@code reason: detail}, {@link #reason()} the wording alone.
     */
    public Trap(String reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    /** A trap caused by a Java exception (see {@link HostException}). */
    protected Trap(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** Adds the next outer WebAssembly frame (the execution tier calls this while unwinding). */
    public void addFrame(Frame frame) {
        frames.add(frame);
    }

    /** The WebAssembly frames that were active when the trap happened, innermost first. */
    public java.util.List<Frame> wasmStackTrace() {
        return java.util.Collections.unmodifiableList(frames);
    }

    /** The spec's wording of the trap. */
    public String reason() {
        return reason;
    }
}
