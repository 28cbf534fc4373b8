package dev.jawa.text.wast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Counts the outcome of checks: passed, failed (with the failures), and commands not run because
 * the current mode cannot check them. It also keeps a statistic that is not a pass/fail criterion
 * yet: how many malformed-module rejections carry a message starting with the expected text.
 *
 * <p>Not thread-safe: one tally per script run; {@link #add(CheckTally)} sums them.
 */
public final class CheckTally {

    private int passed;
    private int failed;
    private int notRun;
    private int rejections;
    private int rejectionsWithExpectedMessage;
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

    /** Records a passed rejection check, and whether its message started with the expected text. */
    public void rejected(boolean expectedMessage) {
        passed++;
        rejections++;
        if (expectedMessage) {
            rejectionsWithExpectedMessage++;
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

    /** The failures, in the order they happened. */
    public List<CheckFailure> failures() {
        return Collections.unmodifiableList(failures);
    }
}
