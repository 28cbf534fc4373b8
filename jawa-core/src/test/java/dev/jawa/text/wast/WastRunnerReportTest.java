package dev.jawa.text.wast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
        WastRunnerKnownFailures known = WastRunnerKnownFailures.parse("b.wast:9 text-roundtrip\n", "kf");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        WastRunnerReport.write(List.of(new WastRunnerFileResult("a.wast", a), new WastRunnerFileResult("b.wast", b)),
                known, true, out);

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(
                "  FAIL a.wast:3 malformed: parse: accepted",
                "a.wast: 2 passed, 1 failed",
                "  FAIL [known] b.wast:9 text-roundtrip: print: boom",
                "b.wast: 1 passed, 1 failed",
                "1 commands not run (they need validation or execution; formats-only mode checks the modules only)",
                "1 of 1 malformed-module rejections carry a message starting with the expected text",
                "3 passed, 2 failed"), lines);
    }
}
