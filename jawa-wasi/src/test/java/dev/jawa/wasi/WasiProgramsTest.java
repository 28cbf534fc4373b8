package dev.jawa.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C test programs (src/test/c) on Jawa: exact standard output (resources/wasi/NAME.stdout,
 * which {@link NativeComparisonTest} checks against the same programs built natively) and exit
 * code.
 */
class WasiProgramsTest {

    @TempDir
    Path dir;

    @Test
    void argumentsAndEnvironment() {
        ProgramRun.Result r = new ProgramRun("args_env").args("one", "two words", "")
                .env("JAWA_GREETING", "héllo wörld").env("B_VAR", "x=y").exec();
        assertEquals(ProgramRun.expected("args_env"), r.stdout());
        assertEquals(4, r.exitCode());
    }

    @Test
    void clocksRandomYieldAndExit() {
        ProgramRun.Result r = new ProgramRun("clocks").exec();
        assertEquals(ProgramRun.expected("clocks"), r.stdout());
        assertEquals(3, r.exitCode());
    }

    @Test
    void standardStreams() {
        ProgramRun.Result r = new ProgramRun("stdio").args("5").stdin("hello\nwasi world\n" + "x".repeat(100) + "\n").exec();
        assertEquals(ProgramRun.expected("stdio"), r.stdout());
        assertEquals("to stderr\n", r.stderr());
        assertEquals(5, r.exitCode());
    }

    @Test
    void signalEndsTheProgram() {
        ProgramRun.Result r = new ProgramRun("signal").exec();
        assertEquals(ProgramRun.expected("signal"), r.stdout());
        assertEquals(128 + 15, r.exitCode());
    }

    @Test
    void files() throws IOException {
        ProgramRun.Result r = new ProgramRun("files").in(dir).exec();
        assertEquals(ProgramRun.expected("files"), r.stdout());
        assertEquals(0, r.exitCode());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "the program removes its files");
        }
    }

    @Test
    void directories() throws IOException {
        ProgramRun.Result r = new ProgramRun("dirs").in(dir).exec();
        assertEquals(ProgramRun.expected("dirs"), r.stdout());
        assertEquals(0, r.exitCode());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "the program removes its directories");
        }
    }

    @Test
    void poll() {
        ProgramRun.Result r = new ProgramRun("poll").in(dir).exec();
        assertEquals(ProgramRun.expected("poll"), r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test
    void readOnlyPreopen() throws IOException {
        Files.writeString(dir.resolve("data.txt"), "read me\n");
        ProgramRun.Result r = new ProgramRun("readonly").in(dir).readOnly().exec();
        assertEquals(ProgramRun.expected("readonly"), r.stdout());
        assertEquals(0, r.exitCode());
        assertEquals("read me\n", Files.readString(dir.resolve("data.txt")));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "nothing was created");
        }
    }
}
