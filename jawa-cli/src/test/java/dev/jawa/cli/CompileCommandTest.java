package dev.jawa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jawa compile} writes an archive that {@code jawa run} runs, in every tier. */
class CompileCommandTest {

    @TempDir
    Path dir;

    @Test
    void compiledArchivesRun() throws IOException {
        Path wat = dir.resolve("m.wat");
        Files.writeString(wat, """
                (module
                  (func (export "sum") (param i32) (result i64) (local i64)
                    (block $done (loop $l
                      (br_if $done (i32.eqz (local.get 0)))
                      (local.set 1 (i64.add (local.get 1) (i64.extend_i32_u (local.get 0))))
                      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                      (br $l)))
                    (local.get 1)))
                """);
        Path jar = dir.resolve("m.jar");
        CliRun compile = CliRun.of("compile", wat.toString(), "-o", jar.toString());
        assertEquals(0, compile.status(), compile.err());
        assertTrue(Files.size(jar) > 0);
        for (String tier : new String[] {"jit", "auto", "interp"}) {
            CliRun run = CliRun.of("run", jar.toString(), "--tier", tier, "--invoke", "sum", "100000");
            assertEquals(0, run.status(), run.err());
            assertEquals("5000050000", run.out().strip(), tier);
        }
    }

    @Test
    void badInputIsReported() throws IOException {
        Path bad = dir.resolve("bad.wasm");
        Files.write(bad, new byte[] {0, 'a', 's', 'm', 9});
        Path jar = dir.resolve("bad.jar");
        CliRun run = CliRun.of("compile", bad.toString(), "-o", jar.toString());
        assertEquals(1, run.status());
        assertTrue(run.err().startsWith(bad + ": "), run.err());
        assertFalse(Files.exists(jar));
        Path notJar = dir.resolve("not.jar");
        Files.write(notJar, new byte[] {'P', 'K', 3, 4, 1});
        CliRun load = CliRun.of("run", notJar.toString(), "--invoke", "f");
        assertEquals(1, load.status());
        assertTrue(load.err().contains("not a Jawa archive") || load.err().contains("archive"), load.err());
    }
}
