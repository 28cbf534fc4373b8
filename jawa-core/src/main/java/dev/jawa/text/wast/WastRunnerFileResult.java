package dev.jawa.text.wast;

/** What running one script found: the file's name as the runner reports it, and its tally. */
public record WastRunnerFileResult(String file, CheckTally tally) {

    /** The report line {@code FILE: N passed, M failed}. */
    public String summaryLine() {
        return file + ": " + tally.passed() + " passed, " + tally.failed() + " failed";
    }
}
