package dev.jawa.bench.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH's CSV becomes tables with one column per Jawa tier and Chicory mode that ran. */
class MicroReportTest {

    private static final List<String> CSV = List.of(
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\","
                    + "\"Param: bytes\",\"Param: mode\",\"Param: tier\"",
            "\"dev.jawa.bench.embed.CallBenchmark.chicoryApply\",\"avgt\",1,5,113.5,4.25,\"ns/op\",,interpreter,",
            "\"dev.jawa.bench.embed.CallBenchmark.chicoryApply\",\"avgt\",1,5,2.672,0.1,\"ns/op\",,compiler,",
            "\"dev.jawa.bench.embed.CallBenchmark.jawaCall\",\"avgt\",1,5,72.04,NaN,\"ns/op\",,,interp",
            "\"dev.jawa.bench.embed.MemoryBenchmark.jawaReadInt\",\"avgt\",1,5,0.884,0.01,\"ns/op\",,,",
            "\"dev.jawa.bench.embed.MemoryBenchmark.jawaReadBytes\",\"avgt\",1,5,597.5,20,\"ns/op\",4096,,",
            "\"dev.jawa.bench.embed.MemoryBenchmark.chicoryReadBytes\",\"avgt\",1,5,619,30,\"ns/op\",4096,,");

    @Test
    void parsesMethodsParametersAndScores() {
        Map<String, MicroReport.Score> scores = MicroReport.parse(CSV);
        assertEquals(6, scores.size());
        assertEquals(new MicroReport.Score(2.672, 0.1, "ns/op"), scores.get("chicoryApply[mode=compiler]"));
        assertEquals(72.04, scores.get("jawaCall[tier=interp]").value());
        assertTrue(Double.isNaN(scores.get("jawaCall[tier=interp]").error()));
        assertEquals(0.884, scores.get("jawaReadInt[]").value());
        assertEquals(597.5, scores.get("jawaReadBytes[bytes=4096]").value());
    }

    @Test
    void rendersEachScoreInItsRowAndColumn() {
        String md = MicroReport.render(MicroReport.parse(CSV), "java -jar benchmarks.jar dev.jawa.bench.embed");
        assertTrue(md.contains("| operation | Jawa interp | Chicory interpreter | Chicory compiler |"), md);
        assertTrue(md.contains("Function.call(long...)`, Chicory `ExportFunction.apply(long...)`) | 72.0 ns | "
                + "114 ± 4.25 ns | 2.67 ± 0.10 ns |"), md);
        // Chicory has no boxed form; a benchmark that did not run says so rather than showing a blank.
        assertTrue(md.contains("boxed (Jawa `Function.apply(Object...)`) | not run | n/a | n/a |"), md);
        assertTrue(md.contains("| read one i32 (`readInt`) | 0.88 ± 0.01 ns | not run |"), md);
        assertTrue(md.contains("read 4096 bytes into a new array (Jawa `read(addr, len)`, Chicory `readBytes`) | "
                + "598 ± 20.0 ns | 619 ± 30.0 ns |"), md);
    }

    @Test
    void theSectionHasItsMarkersAndSaysWhenNothingRan(@TempDir Path dir) throws Exception {
        String empty = MicroReport.section(dir.resolve("missing.md"));
        assertTrue(empty.startsWith(MicroReport.START) && empty.strip().endsWith(MicroReport.END));
        assertTrue(empty.contains("Not run yet"));
        Path tables = Files.writeString(dir.resolve("m.md"), "| a | b |\n");
        assertEquals(MicroReport.START + "\n| a | b |\n" + MicroReport.END + "\n", MicroReport.section(tables));
    }
}
