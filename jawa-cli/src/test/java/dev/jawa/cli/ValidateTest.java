package dev.jawa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jawa validate}: one verdict line per file, in order, and the exit status. */
class ValidateTest {

    private static final Path HELLO = Path.of("..", "examples", "hello.wat");

    @TempDir
    Path dir;

    private static List<String> lines(CliRun r) {
        return r.out().lines().toList();
    }

    @Test
    void validModulesInBothFormatsAreOk() throws IOException {
        Path wasm = dir.resolve("hello.wasm");
        assertEquals(0, CliRun.of("wat2wasm", HELLO.toString(), "-o", wasm.toString()).status());
        CliRun r = CliRun.of("validate", HELLO.toString(), wasm.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(HELLO + ": ok", wasm + ": ok"), lines(r));
        assertEquals("", r.err());
    }

    @Test
    void everyFileGetsItsVerdictAndAnyBadOneFailsTheRun() throws IOException {
        Path invalid = Files.writeString(dir.resolve("invalid.wat"), "(module (func (local i32) (local.get 1) drop))");
        Path malformedText = Files.writeString(dir.resolve("bad.wat"), "(module (func i32.bogus))");
        Path malformedBinary = Files.write(dir.resolve("bad.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0});
        Path valid = Files.writeString(dir.resolve("empty.wat"), "(module)");
        Path missing = dir.resolve("missing.wasm");
        CliRun r = CliRun.of("validate", invalid.toString(), malformedText.toString(), malformedBinary.toString(),
                valid.toString(), missing.toString());
        assertEquals(1, r.status());
        assertEquals(List.of(
                invalid + ": unknown local 1 (in function 0 at code offset 0)",
                malformedText + ": unknown operator i32.bogus (at 1:15)",
                malformedBinary + ": unexpected end (at byte offset 7)",
                valid + ": ok",
                missing + ": no such file or directory"), lines(r));
        assertEquals("", r.err());
    }

    @Test
    void otherExtensionsAreReadByTheirContent() throws IOException {
        Path wasm = dir.resolve("hello.bin");
        assertEquals(0, CliRun.of("wat2wasm", HELLO.toString(), "-o", wasm.toString()).status());
        Path text = Files.copy(HELLO, dir.resolve("hello.txt"));
        Path notBinary = Files.write(dir.resolve("tiny"), new byte[] {0, 'a'});
        CliRun r = CliRun.of("validate", wasm.toString(), text.toString(), notBinary.toString());
        assertEquals(1, r.status());
        assertEquals(wasm + ": ok", lines(r).get(0));
        assertEquals(text + ": ok", lines(r).get(1));
        // Too short for the magic number, so it is read as text, where a NUL cannot stand.
        assertEquals(notBinary + ": ", lines(r).get(2).substring(0, notBinary.toString().length() + 2));
    }
}
