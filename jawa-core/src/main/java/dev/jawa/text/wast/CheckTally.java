package dev.jawa.text.wast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts the outcome of checks: passed, failed (with the failures), and commands not run because
 * the current mode cannot check them. It also keeps statistics that are not pass/fail criteria:
 * how many malformed-module and invalid-module rejections carry a message starting with the
 * expected text.
 *
 * <p>Not thread-safe: one tally per script run; {@link #add(CheckTally)} sums them.
 */
public final class CheckTally {

    private int passed;
    private int failed;
    private int notRun;
    private int rejections;
    private int rejectionsWithExpectedMessage;
    private int invalidRejections;
    private int invalidRejectionsWithExpectedMessage;
    private final List<CheckFailure> failures = new ArrayList<>();

    /** Records a passed check. */
    public void pass() {
        passed++;
    }

    /** Records a failed check. */
    public void fail(CheckFailure failure) {
        failed++;
        failures.add(failure);
    }

    /**
     * Records a passed malformed-module rejection check, and whether its message started with the
     * expected text.
     */
    public void rejected(boolean expectedMessage) {
        passed++;
        rejections++;
        if (expectedMessage) {
            rejectionsWithExpectedMessage++;
        }
    }

    /**
     * Records a passed invalid-module rejection check, and whether its message started with the
     * expected text.
     */
    public void rejectedInvalid(boolean expectedMessage) {
        passed++;
        invalidRejections++;
        if (expectedMessage) {
            invalidRejectionsWithExpectedMessage++;
        }
    }

    /** Records a command this mode does not run (it never counts as passed). */
    public void countNotRun() {
        notRun++;
    }

    /** Adds everything {@code other} counted to this tally. */
    public void add(CheckTally other) {
        passed += other.passed;
        failed += other.failed;
        notRun += other.notRun;
        rejections += other.rejections;
        rejectionsWithExpectedMessage += other.rejectionsWithExpectedMessage;
        invalidRejections += other.invalidRejections;
        invalidRejectionsWithExpectedMessage += other.invalidRejectionsWithExpectedMessage;
        failures.addAll(other.failures);
    }

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    /** Commands counted as not run. */
    public int notRun() {
        return notRun;
    }

    /** Malformed modules correctly rejected. */
    public int rejections() {
        return rejections;
    }

    /** Of {@link #rejections()}, those whose message starts with the testsuite's expected text. */
    public int rejectionsWithExpectedMessage() {
        return rejectionsWithExpectedMessage;
    }

    /** Invalid modules correctly rejected (by validation, or by the check of custom sections). */
    public int invalidRejections() {
        return invalidRejections;
    }

    /** Of {@link #invalidRejections()}, those whose message starts with the testsuite's expected text. */
    public int invalidRejectionsWithExpectedMessage() {
        return invalidRejectionsWithExpectedMessage;
    }

    /** The failures, in the order they happened. */
    public List<CheckFailure> failures() {
        return Collections.unmodifiableList(failures);
    }
}
