package dev.jawa;

/**
 * Text (a {@code .wat} module or a {@code .wast} script) that does not follow the text format.
 * The message starts with the spec's wording where the spec testsuite names one ("unexpected
 * token", "unknown operator", ...), followed by the 1-based line and column.
 */
public class MalformedTextException extends WasmException {

    private final String reason;
    private final int line;
    private final int column;

    public MalformedTextException(String reason, int line, int column) {
        super(reason + " (at " + line + ":" + column + ")");
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** The spec's wording of the problem, without the location. */
    public String reason() {
        return reason;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem. */
    public int column() {
        return column;
    }
}
