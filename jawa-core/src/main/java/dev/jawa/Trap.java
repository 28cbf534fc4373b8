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
     * One WebAssembly frame of a trap's stack, innermost first: the function (index in its
     * module's function index space, and its name from the name section, or null), and where in
     * it: the byte offset, in the function's body (its instructions, after the local
     * declarations), of the instruction that trapped or, in outer frames, of the call that was
     * running; -1 when unknown.
     */
    public record Frame(String module, int functionIndex, String functionName, int codeOffset) {

        /** A frame without a code offset. */
        public Frame(String module, int functionIndex, String functionName) {
            this(module, functionIndex, functionName, -1);
        }

        /** Like wasmtime's backtraces: {@code func $name (index 3) in module @ 0x1a}. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("func ");
            sb.append(functionName != null ? "$" + functionName + " (index " + functionIndex + ")" : functionIndex);
            if (module != null) {
                sb.append(" in ").append(module);
            }
            if (codeOffset >= 0) {
                sb.append(" @ 0x").append(Integer.toHexString(codeOffset));
            }
            return sb.toString();
        }
    }

    private final String reason;
    private final java.util.List<Frame> frames = new java.util.ArrayList<>();
    /** The compiled methods live when this trap was made, with where they were. */
    private final dev.jawa.runtime.CompiledCodeLines.Frames compiledFrames =
            dev.jawa.runtime.CompiledCodeLines.onStack();

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

    /**
     * Adds the next outer WebAssembly frame of a function running as compiled code (the compiler
     * tier calls this while unwinding, innermost first): its code offset is where that compiled
     * function was when this trap was made, or -1 if that is unknown.
     */
    public void addCompiledFrame(String module, int functionIndex, String functionName) {
        frames.add(new Frame(module, functionIndex, functionName, compiledFrames.nextOffset(functionIndex)));
    }

    /** The WebAssembly frames that were active when the trap happened, innermost first. */
    public java.util.List<Frame> wasmStackTrace() {
        return java.util.Collections.unmodifiableList(frames);
    }

    /**
     * The message, then the WebAssembly backtrace, one numbered frame a line (as the first line
     * of {@link #printStackTrace()}):
     * <pre>
     * dev.jawa.Trap: integer divide by zero
     * wasm backtrace:
     *     0: func $inner (index 0) @ 0x5
     *     1: func $outer (index 1) @ 0x2
     * </pre>
     */
    @Override
    public String toString() {
        String s = super.toString();
        if (frames.isEmpty()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s).append("\nwasm backtrace:");
        for (int i = 0; i < frames.size(); i++) {
            sb.append("\n    ").append(i).append(": ").append(frames.get(i));
        }
        return sb.toString();
    }

    /** The spec's wording of the trap. */
    public String reason() {
        return reason;
    }
}
