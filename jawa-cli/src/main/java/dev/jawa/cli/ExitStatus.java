package dev.jawa.cli;

/** The exit statuses of the {@code jawa} command. */
final class ExitStatus {

    /** Everything worked. */
    static final int OK = 0;
    /** Bad input (reported as {@code FILE: message}), or unexpected script failures. */
    static final int BAD_INPUT = 1;
    /** A usage error, or an unexpected exception (a bug, reported with its stack trace). */
    static final int UNEXPECTED = 2;
    /** Picocli's status for command lines it cannot parse. */
    static final int USAGE = 2;

    private ExitStatus() {
    }
}
