package dev.jawa.text.wast;

/**
 * One failed check: the script file (as the runner names it), the line of the module or command,
 * the kind of check, the stage that failed (e.g. {@code parse}, {@code reencode}) and why.
 */
public record CheckFailure(String file, int line, CheckKind check, String stage, String message) {

    public CheckFailure {
        if (file == null || check == null || stage == null || message == null) {
            throw new IllegalArgumentException("file, check, stage and message are required");
        }
    }

    /** How a known-failures file lists this failure: {@code file:line check}. */
    public String key() {
        return key(file, line, check);
    }

    /** The key of a check at {@code file:line}. */
    public static String key(String file, int line, CheckKind check) {
        return file + ":" + line + " " + check.text();
    }

    /** One line for a report: {@code file:line check: stage: message}. */
    public String describe() {
        return key() + ": " + stage + ": " + message;
    }
}
