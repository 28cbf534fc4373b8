package dev.jawa.text.wast;

import dev.jawa.InvalidModuleException;
import dev.jawa.module.Module;
import dev.jawa.validate.BranchHints;
import dev.jawa.validate.ValidatedModule;
import java.util.function.Function;

/**
 * The validation checks of the static mode, for the modules of one script, each on the module
 * its round trip read ({@link ModuleRead}). Each call makes exactly one check and records it in
 * the tally. A module that could not be read fails the check too: the script says it is
 * well-formed, so the assertion about it does not hold.
 */
final class ValidityChecks {

    private final Function<Module, ValidatedModule> validator;
    private final String file;
    private final CheckTally tally;

    ValidityChecks(Function<Module, ValidatedModule> validator, String file, CheckTally tally) {
        this.validator = validator;
        this.file = file;
        this.tally = tally;
    }

    /**
     * A module the script uses as valid: it passes validation, and its branch hints (the one
     * custom section Jawa checks) fit it, as the spec's reference interpreter requires of every
     * module it loads.
     */
    void valid(int line, ModuleRead read) {
        if (!read.ok()) {
            unreadable(line, CheckKind.VALID, read, "a valid module");
            return;
        }
        try {
            validator.apply(read.module());
        } catch (InvalidModuleException e) {
            fail(line, CheckKind.VALID, "validate", "rejected a valid module: " + e.getMessage());
            return;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(line, CheckKind.VALID, "validate", FormatsChecks.describe(e));
            return;
        }
        try {
            BranchHints.check(read.module());
            tally.pass();
        } catch (InvalidModuleException e) {
            fail(line, CheckKind.VALID, "custom", "rejected the branch hints of a valid module: " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(line, CheckKind.VALID, "custom", FormatsChecks.describe(e));
        }
    }

    /**
     * An {@code assert_invalid} module: validation rejects it with {@link InvalidModuleException}.
     * Whether the reason starts with {@code expected} is counted, not required.
     */
    void invalid(int line, ModuleRead read, String expected) {
        if (!read.ok()) {
            unreadable(line, CheckKind.INVALID, read, "an invalid-module rejection (\"" + expected + "\")");
            return;
        }
        try {
            validator.apply(read.module());
            fail(line, CheckKind.INVALID, "validate", "accepted an invalid module (expected \"" + expected + "\")");
        } catch (InvalidModuleException e) {
            tally.rejectedInvalid(e.reason().startsWith(expected));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(line, CheckKind.INVALID, "validate", "expected an invalid-module rejection (\"" + expected
                    + "\"), got " + FormatsChecks.describe(e));
        }
    }

    /**
     * An {@code assert_invalid_custom} module: the module itself passes validation, and the check
     * of its custom sections ({@link BranchHints}) rejects it. Whether the reason starts with
     * {@code expected} is counted, not required.
     */
    void invalidCustom(int line, ModuleRead read, String expected) {
        if (!read.ok()) {
            unreadable(line, CheckKind.INVALID_CUSTOM, read, "a custom-section rejection (\"" + expected + "\")");
            return;
        }
        String stage = "validate";
        try {
            validator.apply(read.module());
            stage = "custom";
            BranchHints.check(read.module());
            fail(line, CheckKind.INVALID_CUSTOM, stage,
                    "accepted an invalid custom section (expected \"" + expected + "\")");
        } catch (InvalidModuleException e) {
            if (stage.equals("validate")) {
                fail(line, CheckKind.INVALID_CUSTOM, stage, "rejected the module itself, not only its custom"
                        + " section (expected \"" + expected + "\"): " + e.getMessage());
            } else {
                tally.rejectedInvalid(e.reason().startsWith(expected));
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail(line, CheckKind.INVALID_CUSTOM, stage, FormatsChecks.describe(e));
        }
    }

    private void unreadable(int line, CheckKind kind, ModuleRead read, String expectation) {
        fail(line, kind, read.stage(), "expected " + expectation + ", but the module is not well-formed: "
                + read.error());
    }

    private void fail(int line, CheckKind kind, String stage, String message) {
        tally.fail(new CheckFailure(file, line, kind, stage, message));
    }
}
