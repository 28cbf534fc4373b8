package dev.jawa.text.wast;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The kinds of checks the script runner makes. Their {@link #text() names} appear in reports and
 * in the known-failures file ({@code path.wast:LINE check}), so they never change once chosen.
 */
public enum CheckKind {
    /** A text module survives parse, encode, decode, print, parse, encode with identical bytes. */
    TEXT_ROUND_TRIP("text-roundtrip"),
    /** A binary module survives decode, encode, decode to an equal module. */
    BINARY_ROUND_TRIP("binary-roundtrip"),
    /** An {@code assert_malformed} module is rejected as malformed. */
    MALFORMED("malformed"),
    /** An {@code assert_malformed_custom} module is rejected as malformed. */
    MALFORMED_CUSTOM("malformed-custom"),
    /**
     * A module the script uses as valid ({@code module}, and the modules of
     * {@code assert_unlinkable}, {@code assert_uninstantiable}, module-form {@code assert_trap} and
     * {@code assert_invalid_custom}) passes validation.
     */
    VALID("valid"),
    /** An {@code assert_invalid} module is rejected by validation (not as malformed). */
    INVALID("invalid"),
    /**
     * An {@code assert_invalid_custom} module passes validation, and the check of its custom
     * sections rejects it.
     */
    INVALID_CUSTOM("invalid-custom"),
    /**
     * A command executed as the script says: a module instantiates, an action runs, an assertion
     * about execution, linking or instantiation holds (see {@link WastExecutor}).
     */
    EXECUTION("exec"),
    /**
     * The same checks as {@link #EXECUTION}, run on the compiler tier ({@code --tier jit}): kept
     * apart so the known failures of the compiler are listed separately from the interpreter's.
     */
    EXECUTION_JIT("exec-jit"),
    /** The script itself could be read and parsed (a failure here fails the whole file once). */
    SCRIPT("script");

    /** The checks of the formats-only mode. */
    public static final Set<CheckKind> FORMATS =
            Collections.unmodifiableSet(EnumSet.of(TEXT_ROUND_TRIP, BINARY_ROUND_TRIP, MALFORMED, MALFORMED_CUSTOM, SCRIPT));

    /** The checks of the static mode: formats and validation. */
    public static final Set<CheckKind> STATIC = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(EXECUTION, EXECUTION_JIT)));

    /** The checks of an executing run. */
    public static final Set<CheckKind> EXECUTED = Collections.unmodifiableSet(EnumSet.of(EXECUTION, SCRIPT));

    /** The checks of an executing run on the compiler tier ({@code --tier jit}). */
    public static final Set<CheckKind> EXECUTED_JIT = Collections.unmodifiableSet(EnumSet.of(EXECUTION_JIT, SCRIPT));

    private final String text;

    CheckKind(String text) {
        this.text = text;
    }

    /** The name used in reports and in the known-failures file. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
