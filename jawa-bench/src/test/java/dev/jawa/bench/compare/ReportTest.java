package dev.jawa.bench.compare;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.bench.embed.MicroReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report carries both startup tables, the microbenchmark section with its markers, and no stray indentation. */
class ReportTest {

    @Test
    void theReportHasEverySection() throws Exception {
        String micro = MicroReport.section(Path.of("no-such-file.md"));
        String md = Report.render(new Report.Inputs(5, Kernel.Scale.QUICK, "node --no-liftoff", "TIMES\n", "RATIOS\n",
                "STARTUP-IN-PROCESS\n", "STARTUP-WHOLE-PROCESS\n", micro,
                Map.of("Jawa jit", "Jawa has no jit tier yet"), Duration.ofSeconds(400), "jawa-bench/compare.sh",
                "jawa-bench/results/compare.svg", Instant.parse("2026-11-25T09:00:00Z"), "1.00", "1.20"));
        assertTrue(md.contains("TIMES\n") && md.contains("RATIOS\n"));
        int inProcess = md.indexOf("STARTUP-IN-PROCESS");
        int whole = md.indexOf("STARTUP-WHOLE-PROCESS");
        assertTrue(inProcess > 0 && whole > inProcess, "the in-process table, then the whole-process one");
        assertTrue(md.indexOf(MicroReport.START) > whole && md.indexOf(MicroReport.END) > md.indexOf(MicroReport.START));
        assertTrue(md.contains("- Jawa jit: Jawa has no jit tier yet"));
        assertTrue(md.contains("took 6 min 40 s"));
        assertFalse(md.lines().anyMatch(l -> l.startsWith("    ")), "no line is indented like code by accident");
    }
}
