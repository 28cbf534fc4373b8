package dev.jawa.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.module.Export;
import dev.jawa.module.Module;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wat2wasm, wasm2wat and wast end to end, on the example module (needs the engine's formats). */
class ConversionTest {

    private static final Path HELLO = Path.of("..", "examples", "hello.wat");

    @TempDir
    Path dir;

    @Test
    void wat2wasmTranslatesTheExampleWithoutNames() throws IOException {
        Path out = dir.resolve("hello.wasm");
        CliRun r = CliRun.of("wat2wasm", HELLO.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        Module m = BinaryDecoder.decode(Files.readAllBytes(out));
        assertEquals(List.of("memory", "greeting", "factorial"), m.exports().stream().map(Export::name).toList());
        assertEquals(2, m.functions().size());
        assertTrue(m.names().isEmpty(), "no name section without --debug-names");

        Path named = dir.resolve("named.wasm");
        assertEquals(0, CliRun.of("wat2wasm", "--debug-names", HELLO.toString(), "-o", named.toString()).status());
        assertEquals("factorial", BinaryDecoder.decode(Files.readAllBytes(named)).names().functions().get(1));
    }

    @Test
    void wat2wasmWritesWhatWabtWrites() throws IOException, InterruptedException {
        Path wabt = onPath("wat2wasm");
        assumeTrue(wabt != null, "wat2wasm (wabt) is not on the PATH");
        Path ours = dir.resolve("ours.wasm");
        Path theirs = dir.resolve("theirs.wasm");
        assertEquals(0, CliRun.of("wat2wasm", HELLO.toString(), "-o", ours.toString()).status());
        Process p = new ProcessBuilder(wabt.toString(), HELLO.toString(), "-o", theirs.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
        assertArrayEquals(Files.readAllBytes(theirs), Files.readAllBytes(ours));
    }

    @Test
    void wasm2watPrintsToStandardOutputAndTheTextTranslatesBack() throws IOException {
        Path wasm = dir.resolve("hello.wasm");
        assertEquals(0, CliRun.of("wat2wasm", HELLO.toString(), "-o", wasm.toString()).status());
        CliRun printed = CliRun.of("wasm2wat", wasm.toString());
        assertEquals(0, printed.status(), printed.err());
        assertTrue(printed.out().startsWith("(module"), printed.out());

        Path wat = Files.writeString(dir.resolve("again.wat"), printed.out(), StandardCharsets.UTF_8);
        Path again = dir.resolve("again.wasm");
        assertEquals(0, CliRun.of("wat2wasm", wat.toString(), "-o", again.toString()).status());
        assertArrayEquals(Files.readAllBytes(wasm), Files.readAllBytes(again));
    }

    @Test
    void manyInputsGoToAnOutputDirectoryAndBadOnesAreReported() throws IOException {
        Path a = Files.copy(HELLO, dir.resolve("a.wat"));
        Path b = Files.writeString(dir.resolve("b.wat"), "(module (func i32.bogus))");
        Path c = Files.copy(HELLO, dir.resolve("c.txt"));
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("wat2wasm", a.toString(), b.toString(), c.toString(), "-d", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(b + ": "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("a.wasm")));
        assertTrue(Files.isRegularFile(out.resolve("c.wasm")));
        assertTrue(!Files.exists(out.resolve("b.wasm")));

        Path text = dir.resolve("text");
        CliRun back = CliRun.of("wasm2wat", out.resolve("a.wasm").toString(), out.resolve("c.wasm").toString(),
                "-d", text.toString());
        assertEquals(0, back.status(), back.err());
        assertEquals(Files.readString(text.resolve("a.wat")), Files.readString(text.resolve("c.wat")));
    }

    @Test
    void wat2wasmAndWasm2watRejectInvalidModulesUnlessNoCheck() throws IOException {
        Path invalid = Files.writeString(dir.resolve("invalid.wat"), "(module (func (result i32)))");
        Path wasm = dir.resolve("invalid.wasm");
        CliRun r = CliRun.of("wat2wasm", invalid.toString(), "-o", wasm.toString());
        assertEquals(1, r.status());
        assertEquals(invalid + ": type mismatch: instruction requires [i32] but stack has []"
                + " (in function 0 at code offset 0)" + System.lineSeparator(), r.err());
        assertFalse(Files.exists(wasm), "nothing is written for an invalid module");

        CliRun unchecked = CliRun.of("wat2wasm", "--no-check", invalid.toString(), "-o", wasm.toString());
        assertEquals(0, unchecked.status(), unchecked.err());
        assertEquals(1, BinaryDecoder.decode(Files.readAllBytes(wasm)).functions().size());

        CliRun back = CliRun.of("wasm2wat", wasm.toString());
        assertEquals(1, back.status());
        assertEquals("", back.out());
        assertTrue(back.err().startsWith(wasm + ": type mismatch"), back.err());
        CliRun backUnchecked = CliRun.of("wasm2wat", "--no-check", wasm.toString());
        assertEquals(0, backUnchecked.status(), backUnchecked.err());
        assertTrue(backUnchecked.out().contains("(func"), backUnchecked.out());
    }

    @Test
    void wastStaticChecksValidateWhereFormatsOnlyDoesNot() throws IOException {
        Files.writeString(dir.resolve("s.wast"), """
                (module (func (export "f") (result i32) (i32.const 1)))
                (assert_return (invoke "f") (i32.const 1))
                (assert_malformed (module quote "(func i32.bogus)") "unknown operator")
                (assert_invalid (module (func (result i32))) "type mismatch")
                """);
        CliRun r = CliRun.of("wast", "--static", "--root", dir.toString(), dir.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        // Two round trips, one valid module, one malformed and one invalid module rejected.
        assertEquals("s.wast: 5 passed, 0 failed", lines.getFirst());
        assertTrue(lines.contains("2 commands not run (they need execution, which the static modes skip;"
                + " or validation, which formats-only mode skips)"), r.out());
        assertTrue(lines.contains("1 of 1 invalid-module rejections carry a message starting with the expected text"),
                r.out());
        assertEquals("5 passed, 0 failed", lines.getLast());

        CliRun formats = CliRun.of("wast", "--formats-only", "--root", dir.toString(), dir.toString());
        assertEquals(0, formats.status(), formats.out() + formats.err());
        lines = formats.out().lines().toList();
        assertEquals("s.wast: 3 passed, 0 failed", lines.getFirst());
        assertTrue(lines.contains("3 commands not run (they need execution, which the static modes skip;"
                + " or validation, which formats-only mode skips)"), formats.out());
        assertEquals("3 passed, 0 failed", lines.getLast());
    }

    @Test
    void wastStaticChecksReportAnInvalidModuleAccepted() throws IOException {
        Path script = Files.writeString(dir.resolve("t.wast"), """
                (assert_invalid (module (func (result i32) (i32.const 1))) "type mismatch")
                (module (func (result i32)))
                """);
        CliRun r = CliRun.of("wast", "--static", "--root", dir.toString(), script.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of(
                "  FAIL t.wast:1 invalid: validate: accepted an invalid module (expected \"type mismatch\")",
                "  FAIL t.wast:2 valid: validate: rejected a valid module: type mismatch: instruction requires"
                        + " [i32] but stack has [] (in function 0 at code offset 0)",
                "t.wast: 2 passed, 2 failed"), lines.subList(0, 3));
        assertEquals("2 passed, 2 failed", lines.getLast());
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        return path == null ? null : Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst().orElse(null);
    }
}
