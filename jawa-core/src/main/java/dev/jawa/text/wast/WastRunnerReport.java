package dev.jawa.text.wast;

import java.io.PrintStream;
import java.util.List;

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
     * Writes the whole report.
     *
     * @param failureDetails whether to write each failure's line before its file's line
     */
    public static void write(List<WastRunnerFileResult> results, WastRunnerKnownFailures known,
            boolean failureDetails, PrintStream out) {
        for (WastRunnerFileResult r : results) {
            if (failureDetails) {
                for (CheckFailure f : r.tally().failures()) {
                    out.println(failureLine(f, known));
                }
            }
            out.println(r.summaryLine());
        }
        CheckTally total = total(results);
        for (String line : statistics(total)) {
            out.println(line);
        }
        out.println(totalLine(total));
    }

    /** The lines between the files and the total: what was not run, and the message statistic. */
    public static List<String> statistics(CheckTally total) {
        return List.of(
                total.notRun() + " commands not run (they need validation or execution;"
                        + " formats-only mode checks the modules only)",
                total.rejectionsWithExpectedMessage() + " of " + total.rejections()
                        + " malformed-module rejections carry a message starting with the expected text");
    }
}
