package dev.jawa.wasi;

import dev.jawa.Tier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C test programs (src/test/c) on Jawa: exact standard output (resources/wasi/NAME.stdout,
 * which {@link NativeComparisonTest} checks against the same programs built natively) and exit
 * code.
 */
class WasiProgramsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void argumentsAndEnvironment(Tier tier) {
        ProgramRun.Result r = new ProgramRun("args_env").args("one", "two words", "")
                .env("JAWA_GREETING", "héllo wörld").env("B_VAR", "x=y").on(tier).exec();
        assertEquals(ProgramRun.expected("args_env"), r.stdout());
        assertEquals(4, r.exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void clocksRandomYieldAndExit(Tier tier) {
        ProgramRun.Result r = new ProgramRun("clocks").on(tier).exec();
        assertEquals(ProgramRun.expected("clocks"), r.stdout());
        assertEquals(3, r.exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void standardStreams(Tier tier) {
        ProgramRun.Result r = new ProgramRun("stdio").args("5").stdin("hello\nwasi world\n" + "x".repeat(100) + "\n").on(tier).exec();
        assertEquals(ProgramRun.expected("stdio"), r.stdout());
        assertEquals("to stderr\n", r.stderr());
        assertEquals(5, r.exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void signalEndsTheProgram(Tier tier) {
        ProgramRun.Result r = new ProgramRun("signal").on(tier).exec();
        assertEquals(ProgramRun.expected("signal"), r.stdout());
        assertEquals(128 + 15, r.exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void files(Tier tier) throws IOException {
        ProgramRun.Result r = new ProgramRun("files").in(dir).on(tier).exec();
        assertEquals(ProgramRun.expected("files"), r.stdout());
        assertEquals(0, r.exitCode());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "the program removes its files");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void directories(Tier tier) throws IOException {
        ProgramRun.Result r = new ProgramRun("dirs").in(dir).on(tier).exec();
        assertEquals(ProgramRun.expected("dirs"), r.stdout());
        assertEquals(0, r.exitCode());
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "the program removes its directories");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void poll(Tier tier) {
        ProgramRun.Result r = new ProgramRun("poll").in(dir).on(tier).exec();
        assertEquals(ProgramRun.expected("poll"), r.stdout());
        assertEquals(0, r.exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void readOnlyPreopen(Tier tier) throws IOException {
        Files.writeString(dir.resolve("data.txt"), "read me\n");
        ProgramRun.Result r = new ProgramRun("readonly").in(dir).readOnly().on(tier).exec();
        assertEquals(ProgramRun.expected("readonly"), r.stdout());
        assertEquals(0, r.exitCode());
        assertEquals("read me\n", Files.readString(dir.resolve("data.txt")));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "nothing was created");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Tier.class, names = {"INTERP", "JIT"})
    void trapEndsTheRunWithTheWebAssemblyStack(Tier tier) {
        ProgramRun.Result r = new ProgramRun("trap").on(tier).exec();
        assertEquals("about to trap\n", r.stdout(), "output before the trap is kept");
        assertEquals("unreachable", r.trap().reason());
        assertEquals(-1, r.exitCode());
    }

    @Test
    void interpreterTrapNamesTheFramesOnTheStack() {
        ProgramRun.Result r = new ProgramRun("trap").on(Tier.INTERP).exec();
        // fail(2) -> fail(1) -> fail(0) traps: those three frames (one function), then main's.
        var frames = r.trap().wasmStackTrace();
        assertTrue(frames.size() >= 4, frames.toString());
        assertEquals(frames.get(0).functionIndex(), frames.get(1).functionIndex());
        assertEquals(frames.get(0).functionIndex(), frames.get(2).functionIndex());
    }
}
