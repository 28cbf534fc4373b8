package dev.jawa.text.wast;

import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the report of a run: for each file its failures (listed ones marked {@code [known]})
 * and its line {@code FILE: N passed, M failed}; then the statistics that are not pass/fail
 * criteria; and last exactly the line {@code N passed, M failed} over all checks.
 */
public final class WastRunnerReport {

    private WastRunnerReport() {
    }

    /** The sum of the files' tallies. */
    public static CheckTally total(List<WastRunnerFileResult> results) {
        CheckTally total = new CheckTally();
        for (WastRunnerFileResult r : results) {
            total.add(r.tally());
        }
        return total;
    }

    /** The last line of a report: {@code N passed, M failed}. */
    public static String totalLine(CheckTally total) {
        return total.passed() + " passed, " + total.failed() + " failed";
    }

    /** One failure's line: indented, marked {@code [known]} if listed. */
    public static String failureLine(CheckFailure f, WastRunnerKnownFailures known) {
        return "  FAIL " + (known.isKnown(f) ? "[known] " : "") + f.describe();
    }

    /**
     * Writes the whole report, line by line.
     *
     * @param known the known failures; unless {@link WastRunnerKnownFailures#NONE}, the report
     *     also says how the run compares with the list, naming listed entries that no longer fail
     * @param failureDetails whether to write each failure's line before its file's line
     */
    public static void write(List<WastRunnerFileResult> results, WastRunnerKnownFailures known,
            boolean failureDetails, Consumer<String> out) {
        for (WastRunnerFileResult r : results) {
            if (failureDetails) {
                for (CheckFailure f : r.tally().failures()) {
                    out.accept(failureLine(f, known));
                }
            }
            out.accept(r.summaryLine());
        }
        CheckTally total = total(results);
        statistics(total).forEach(out);
        if (known != WastRunnerKnownFailures.NONE) {
            WastRunnerKnownFailures.Comparison c = known.compare(total.failures());
            for (String entry : c.nowPassing()) {
                out.accept("  NO LONGER FAILS " + entry + " (remove it from the known failures)");
            }
            out.accept("known failures: " + known.entries().size() + " listed; " + c.unexpected().size()
                    + " failures not listed, " + c.nowPassing().size() + " listed that no longer fail");
        }
        out.accept(totalLine(total));
    }

    /**
     * The lines between the files and the total: what was not run, and the message statistics
     * (how many rejections, of malformed and of invalid modules, carry the testsuite's wording).
     */
    public static List<String> statistics(CheckTally total) {
        return List.of(
                total.notRun() + " commands not run (they need execution, which the static modes skip;"
                        + " or validation, which formats-only mode skips)",
                total.rejectionsWithExpectedMessage() + " of " + total.rejections()
                        + " malformed-module rejections carry a message starting with the expected text",
                total.invalidRejectionsWithExpectedMessage() + " of " + total.invalidRejections()
                        + " invalid-module rejections carry a message starting with the expected text");
    }
}
