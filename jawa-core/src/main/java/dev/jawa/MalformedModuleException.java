package dev.jawa;

/**
 * A binary module that does not follow the binary format. The message starts with the spec's
 * wording where the spec testsuite names one ("unexpected end", "integer too large", ...), and
 * {@link #offset()} is the byte offset where decoding failed.
 */
public class MalformedModuleException extends WasmException {

    private final String reason;
    private final long offset;

    public MalformedModuleException(String reason, long offset) {
        super(reason + " (at byte offset " + offset + ")");
        this.reason = reason;
        this.offset = offset;
    }

    /** The spec's wording of the problem, without the location. */
    public String reason() {
        return reason;
    }

    /** The byte offset in the input where decoding failed. */
    public long offset() {
        return offset;
    }
}
