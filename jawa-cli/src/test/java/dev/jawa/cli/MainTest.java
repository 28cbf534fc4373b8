package dev.jawa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's behaviour that does not depend on the engine: options, usage, errors. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void versionNamesTheProjectVersion() {
        CliRun r = CliRun.of("--version");
        assertEquals(0, r.status());
        assertTrue(r.out().matches("jawa \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), r.out());
    }

    @Test
    void helpListsTheCommands() {
        CliRun r = CliRun.of("help");
        assertEquals(0, r.status());
        for (String command : new String[] {"wat2wasm", "wasm2wat", "validate", "wast", "help"}) {
            assertTrue(r.out().contains("\n  " + command + " "), command + " missing from:\n" + r.out());
        }
        CliRun sub = CliRun.of("help", "wat2wasm");
        assertEquals(0, sub.status());
        assertTrue(sub.out().contains("--debug-names"), sub.out());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun r = CliRun.of();
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("Usage: jawa"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void malformedUtf8IsBadInputWithoutAStackTrace() throws IOException {
        Path in = Files.write(dir.resolve("bad.wat"), new byte[] {'(', 'm', '\n', ' ', (byte) 0xC3, '('});
        Path out = dir.resolve("bad.wasm");
        CliRun r = CliRun.of("wat2wasm", in.toString(), "-o", out.toString());
        assertEquals(1, r.status());
        assertEquals(in + ": malformed UTF-8 encoding (at 2:2)" + System.lineSeparator(), r.err());
        assertFalse(Files.exists(out), "nothing is written for a bad input");
    }

    @Test
    void aMissingInputIsBadInput() {
        Path in = dir.resolve("none.wasm");
        CliRun r = CliRun.of("wasm2wat", in.toString());
        assertEquals(1, r.status());
        assertEquals(in + ": no such file or directory" + System.lineSeparator(), r.err());
    }

    @Test
    void outputOptionsAreChecked() {
        assertUsageError(CliRun.of("wat2wasm", "a.wat", "b.wat", "-o", "x.wasm"), "-o takes one input");
        assertUsageError(CliRun.of("wat2wasm", "a.wat"), "give -o OUT or -d OUTDIR");
        assertUsageError(CliRun.of("wasm2wat", "a.wasm", "b.wasm"), "several inputs need -d OUTDIR");
        assertUsageError(CliRun.of("wasm2wat", "a.wasm", "-o", "a.wat", "-d", "out"), "not both");
        assertUsageError(CliRun.of("wat2wasm", "x/a.wat", "y/a.wat", "-d", "out"), "would both write");
    }

    private static void assertUsageError(CliRun r, String message) {
        assertEquals(2, r.status());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void runInvokesAnExportAndPrintsItsResults() throws IOException {
        Path wat = dir.resolve("m.wat");
        Files.writeString(wat, """
                (module
                  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
                  (func (export "half") (param f64) (result f64 i64)
                    (f64.mul (local.get 0) (f64.const 0.5)) (i64.const -1)))
                """);
        CliRun ok = CliRun.of("run", wat.toString(), "--invoke", "div", "-7", "2");
        assertEquals(0, ok.status(), ok.err());
        assertEquals("-3", ok.out().strip());
        CliRun two = CliRun.of("run", wat.toString(), "--invoke", "half", "3");
        assertEquals(List.of("1.5", "-1"), two.out().lines().toList());
        CliRun trap = CliRun.of("run", wat.toString(), "--invoke", "div", "1", "0");
        assertEquals(1, trap.status());
        assertTrue(trap.err().contains("trap: integer divide by zero"), trap.err());
        CliRun bad = CliRun.of("run", wat.toString(), "--invoke", "div", "1");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("expected 2 arguments, got 1"), bad.err());
    }

    @Test
    void wastRejectsAnUnknownTier() {
        CliRun r = CliRun.of("wast", "--tier", "turbo", "x.wast");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown tier 'turbo'"), r.err());
    }

    @Test
    void wastExecutesScriptsAndCountsEachAssertion() throws IOException {
        Path script = dir.resolve("exec.wast");
        Files.writeString(script, """
                (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
                        (func (export "div") (param i32 i32) (result i32) (i32.div_u (local.get 0) (local.get 1))))
                (assert_return (invoke "add" (i32.const 2) (i32.const 3)) (i32.const 5))
                (assert_return (invoke "add" (i32.const 2) (i32.const 3)) (i32.const 6))
                (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
                """);
        CliRun r = CliRun.of("wast", script.toString());
        assertEquals(1, r.status(), r.out());
        assertTrue(r.out().contains("exec.wast:4 exec"), r.out());
        assertEquals("3 passed, 1 failed", r.out().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void wastTakesStaticOrFormatsOnlyNotBoth() {
        CliRun both = CliRun.of("wast", "--static", "--formats-only", "x.wast");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("not both"), both.err());
    }

    @Test
    void wastReportsMissingPathsAndEndsWithTheTotal() {
        CliRun r = CliRun.of("wast", "--formats-only", dir.resolve("none.wast").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("none.wast: no such file or directory"), r.err());
        assertEquals("0 passed, 0 failed", r.out().lines().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void wastNamesScriptsRelativeToTheRoot() {
        Path base = Path.of("/suite").toAbsolutePath();
        assertEquals("legacy/throw.wast", WastScriptCommand.displayName(base, base.resolve("legacy/throw.wast")));
        assertEquals("a.wast", WastScriptCommand.displayName(base, base.resolve("./x/../a.wast")));
        Path outside = Path.of("/elsewhere/b.wast").toAbsolutePath();
        assertEquals(outside.toString().replace('\\', '/'), WastScriptCommand.displayName(base, outside));
    }
}
