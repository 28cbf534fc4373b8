package dev.jawa;

/**
 * A module that is well-formed but not valid: it breaks one of the validation rules of the spec
 * (core/valid). The message starts with the spec testsuite's wording ("type mismatch",
 * "unknown local", ...), which {@link #reason()} returns without the location.
 *
 * <p>{@link #functionIndex()} is the index (in the function index space) of the function whose
 * code is invalid, or -1 when the problem is outside function bodies. {@link #offset()} is the
 * byte offset of the offending instruction within that body's code (or, with function index -1,
 * within the constant expression at fault), or -1 when the problem is not in an instruction.
 */
public class InvalidModuleException extends WasmException {

    private final String reason;
    private final int functionIndex;
    private final long offset;

    /** A problem in the code of function {@code functionIndex} at body offset {@code offset}. */
    public InvalidModuleException(String reason, int functionIndex, long offset) {
        super(reason + location(functionIndex, offset));
        this.reason = reason;
        this.functionIndex = functionIndex;
        this.offset = offset;
    }

    /** A problem outside function code, with no location. */
    public InvalidModuleException(String reason) {
        this(reason, -1, -1);
    }

    private static String location(int functionIndex, long offset) {
        if (functionIndex < 0) {
            return offset < 0 ? "" : " (at code offset " + offset + ")";
        }
        return " (in function " + functionIndex + (offset < 0 ? "" : " at code offset " + offset) + ")";
    }

    /** The spec's wording of the problem, without the location. */
    public String reason() {
        return reason;
    }

    /** The index of the function whose code is invalid, or -1. */
    public int functionIndex() {
        return functionIndex;
    }

    /** The byte offset of the offending instruction in the function body (or expression), or -1. */
    public long offset() {
        return offset;
    }
}
