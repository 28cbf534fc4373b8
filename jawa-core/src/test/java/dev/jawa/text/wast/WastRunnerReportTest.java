package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WastRunnerReportTest {

    @Test
    void writesFailuresFileLinesStatisticsAndTheTotalLast() {
        CheckTally a = new CheckTally();
        a.pass();
        a.rejected(true);
        a.countNotRun();
        a.fail(new CheckFailure("a.wast", 3, CheckKind.MALFORMED, "parse", "accepted"));
        CheckTally b = new CheckTally();
        b.pass();
        b.fail(new CheckFailure("b.wast", 9, CheckKind.TEXT_ROUND_TRIP, "print", "boom"));
        WastRunnerKnownFailures known = WastRunnerKnownFailures.parse("b.wast:9 text-roundtrip\nc.wast:1 script\n", "kf");

        List<String> lines = new ArrayList<>();
        WastRunnerReport.write(List.of(new WastRunnerFileResult("a.wast", a), new WastRunnerFileResult("b.wast", b)),
                known, true, lines::add);

        assertEquals(List.of(
                "  FAIL a.wast:3 malformed: parse: accepted",
                "a.wast: 2 passed, 1 failed",
                "  FAIL [known] b.wast:9 text-roundtrip: print: boom",
                "b.wast: 1 passed, 1 failed",
                "1 commands not run (they need execution, which the static modes skip;"
                        + " or validation, which formats-only mode skips)",
                "1 of 1 malformed-module rejections carry a message starting with the expected text",
                "0 of 0 invalid-module rejections carry a message starting with the expected text",
                "  NO LONGER FAILS c.wast:1 script (remove it from the known failures)",
                "known failures: 2 listed; 1 failures not listed, 1 listed that no longer fail",
                "3 passed, 2 failed"), lines);
    }

    @Test
    void withoutAKnownFailuresListThereIsNoComparisonLine() {
        CheckTally a = new CheckTally();
        a.fail(new CheckFailure("a.wast", 3, CheckKind.MALFORMED, "parse", "accepted"));
        List<String> lines = new ArrayList<>();
        WastRunnerReport.write(List.of(new WastRunnerFileResult("a.wast", a)), WastRunnerKnownFailures.NONE, false,
                lines::add);
        assertEquals(List.of(
                "a.wast: 0 passed, 1 failed",
                "0 commands not run (they need execution, which the static modes skip;"
                        + " or validation, which formats-only mode skips)",
                "0 of 0 malformed-module rejections carry a message starting with the expected text",
                "0 of 0 invalid-module rejections carry a message starting with the expected text",
                "0 passed, 1 failed"), lines);
    }
}
