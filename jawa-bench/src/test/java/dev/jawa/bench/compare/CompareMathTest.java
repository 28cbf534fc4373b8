package dev.jawa.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The runner's parsing and arithmetic, on made-up output and timings (no kernel runs here). */
class CompareMathTest {

    @Test
    void checksumIsTheLastWellFormedChecksumLine() {
        assertEquals(OptionalLong.of(0x1377b502217e95c6L),
                RunOutput.checksum("energy 1.5\nchecksum 1377b502217e95c6\n"));
        assertEquals(OptionalLong.of(0xffffffffffffffffL), RunOutput.checksum("checksum ffffffffffffffff"));
        assertEquals(OptionalLong.of(2), RunOutput.checksum("checksum 0000000000000001\r\nchecksum 0000000000000002\r\n"));
        assertEquals(OptionalLong.empty(), RunOutput.checksum("checksum 1377b502217e95c\n"), "15 digits");
        assertEquals(OptionalLong.empty(), RunOutput.checksum("checksum 1377b502217e95cg\n"), "not hex");
        assertEquals(OptionalLong.empty(), RunOutput.checksum("no checksum here"));
        assertEquals("1377b502217e95c6", RunOutput.hex(0x1377b502217e95c6L));
    }

    @Test
    void reportedTimeIsReadFromItsOwnLine() {
        assertEquals(OptionalLong.of(123456789L), RunOutput.reportedNanos("warning\njawa-bench-time-ns 123456789\n"));
        assertEquals(OptionalLong.empty(), RunOutput.reportedNanos("jawa-bench-time-ns soon\n"));
        assertEquals(OptionalLong.empty(), RunOutput.reportedNanos(""));
    }

    @Test
    void anUncaughtExceptionIsNamedByItsSimpleClassName() {
        assertEquals(Optional.of("VerifyError"), RunOutput.uncaughtException(
                "Exception in thread \"main\" java.lang.VerifyError: Bad local variable type\n\tat x.y(Z.java:1)\n"));
        assertEquals(Optional.of("OutOfMemoryError"), RunOutput.uncaughtException(
                "noise\nException in thread \"main\" java.lang.OutOfMemoryError\n"));
        assertEquals(Optional.empty(), RunOutput.uncaughtException("Segmentation fault\n"));
    }

    private static Results fake() {
        Results r = new Results(List.of("a", "b", "c"), List.of("x", "base"));
        // x: medians 10, 40 (even count: mean of 30 and 50), 5 ms; base: 20, 20, 20 ms.
        for (long ms : new long[] {30, 10, 10}) {
            r.add("a", "x", ms * 1_000_000);
        }
        for (long ms : new long[] {50, 30, 90, 10}) {
            r.add("b", "x", ms * 1_000_000);
        }
        r.add("c", "x", 5_000_000);
        for (String k : List.of("a", "b", "c")) {
            r.add(k, "base", 20_000_000);
        }
        return r;
    }

    @Test
    void mediansRatiosAndGeomeans() {
        Results r = fake();
        assertEquals(10.0, r.medianMillis("a", "x").getAsDouble(), 1e-9);
        assertEquals(40.0, r.medianMillis("b", "x").getAsDouble(), 1e-9);
        assertEquals(0.5, r.ratio("a", "x", "base").getAsDouble(), 1e-9);
        assertEquals(2.0, r.ratio("b", "x", "base").getAsDouble(), 1e-9);
        assertEquals(0.25, r.ratio("c", "x", "base").getAsDouble(), 1e-9);
        // cube root of 0.5 * 2 * 0.25
        assertEquals(Math.cbrt(0.25), r.geomeanRatio("x", "base").getAsDouble(), 1e-12);
        assertEquals(Math.cbrt(10.0 * 40 * 5), r.geomeanMillis("x").getAsDouble(), 1e-9);
        assertEquals(1.0, r.geomeanRatio("base", "base").getAsDouble(), 1e-12);
    }

    @Test
    void aFailureRemovesTheCellFromMediansAndGeomeans() {
        Results r = fake();
        r.fail("b", "x", "wrong checksum");
        r.fail("b", "x", "timeout");
        assertTrue(r.anyFailure());
        assertEquals(OptionalDouble.empty(), r.medianMillis("b", "x"));
        assertEquals("wrong checksum", r.failure("b", "x").orElseThrow(), "the first failure stays");
        assertEquals(Math.sqrt(0.5 * 0.25), r.geomeanRatio("x", "base").getAsDouble(), 1e-12);
        assertEquals(2, r.measuredKernels("x"));
        String table = MarkdownTables.ratios(r, "base");
        assertTrue(table.contains("| b | **wrong checksum** | 1.00× |"), table);
        assertTrue(table.contains("| **geomean** | **0.35×** (2 of 3) | **1.00×** |"), table);
    }

    @Test
    void markdownTablesHaveAHeaderARowPerKernelAndGeomeans() {
        String times = MarkdownTables.times(fake(), "kernel (size)", List.of("a (100)", "b (200)", "c (300)"));
        List<String> lines = times.lines().toList();
        assertEquals("| kernel (size) | x | base |", lines.get(0));
        assertEquals("|---|---:|---:|", lines.get(1));
        assertEquals("| a (100) | 10.0 ms | 20.0 ms |", lines.get(2));
        assertEquals("| b (200) | 40.0 ms | 20.0 ms |", lines.get(3));
        assertEquals("| c (300) | 5.00 ms | 20.0 ms |", lines.get(4));
        assertEquals("| **geomean** | **12.6 ms** | **20.0 ms** |", lines.get(5));
        assertEquals(6, lines.size());
        String noGeomean = MarkdownTables.times(fake(), "module", List.of("a", "b", "c"), false);
        assertEquals(5, noGeomean.lines().count());
        assertTrue(noGeomean.startsWith("| module | x | base |\n"), noGeomean);
    }

    @Test
    void numbersAreFormattedToThreeSignificantDigits() {
        assertEquals("1.23 ms", MarkdownTables.millis(1.234));
        assertEquals("123 ms", MarkdownTables.millis(123.4));
        assertEquals("1.23 s", MarkdownTables.millis(1234));
        assertEquals("12.3 s", MarkdownTables.millis(12_345));
        assertEquals("0.52×", MarkdownTables.ratio(0.5234));
        assertEquals("143×", MarkdownTables.ratio(143.2));
    }

    @Test
    void theChartIsWellFormedSvgWithABarPerMeasuredCell() throws Exception {
        Results r = fake();
        r.fail("c", "x", "timeout");
        String svg = SvgChart.render(r, "a <test> & chart");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        NodeList rects = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect");
        int bars = 0;
        double barA = -1;
        double barB = -1;
        for (int i = 0; i < rects.getLength(); i++) {
            Element e = (Element) rects.item(i);
            if (e.getElementsByTagNameNS("*", "title").getLength() == 1) {
                bars++;
                String title = e.getTextContent();
                double h = Double.parseDouble(e.getAttribute("height"));
                if (title.startsWith("a, x")) {
                    barA = h;
                }
                if (title.startsWith("b, x")) {
                    barB = h;
                }
            }
        }
        assertEquals(5, bars, "six cells, one failed");
        // Log scale: the bars span 10 to 40 ms, so the axis runs one decade, 10 to 100 ms, over the
        // 300 px plot, and 40 ms stands log10(4) of that decade above 10 ms.
        double decade = 300.0;
        assertEquals(Math.log10(4) * decade, barB - barA, 0.2);
        assertFalse(svg.contains("<test>"), "text is escaped");
    }

    @Test
    void theCatalogNeedsAChecksumForBothSizes() {
        String sizes = "# comment\nk1 10 100\n";
        List<Kernel> ks = KernelCatalog.parse(Path.of("d"), sizes, "k1 10 00000000000000ff\nk1 100 0000000000000100\n");
        assertEquals(1, ks.size());
        assertEquals(0xffL, ks.getFirst().expected().get(10L));
        assertEquals(Path.of("d", "wasm", "k1.wasm"), ks.getFirst().wasm());
        assertThrows(IllegalArgumentException.class,
                () -> KernelCatalog.parse(Path.of("d"), sizes, "k1 10 00000000000000ff\n"));
        assertThrows(IllegalArgumentException.class, () -> KernelCatalog.parse(Path.of("d"), "k1 10\n", ""));
    }
}
