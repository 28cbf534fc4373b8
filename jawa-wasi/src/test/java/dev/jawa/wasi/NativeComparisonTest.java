package dev.jawa.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each portable test program, built natively with the host's clang and run as a process, prints
 * exactly what its WebAssembly build prints on Jawa, and exits with the same code: the WASI
 * functions behave as the POSIX calls wasi-libc maps onto them. Skipped (with the reason) where
 * clang cannot build native programs. The programs that only make sense under WASI (sandbox,
 * read-only preopen, sockets handed in by the host) are checked in {@link WasiProgramsTest},
 * {@link SandboxTest} and {@link SocketTest}.
 */
class NativeComparisonTest {

    @TempDir
    static Path bin;

    static boolean clang;

    @BeforeAll
    static void findClang() {
        try {
            Process p = new ProcessBuilder("clang", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            clang = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            clang = false;
        }
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of(new ProgramRun("args_env").args("one", "two words", "").env("JAWA_GREETING", "héllo wörld")
                        .env("B_VAR", "x=y")),
                Arguments.of(new ProgramRun("clocks")),
                Arguments.of(new ProgramRun("stdio").args("9").stdin("some\ninput text\n")),
                Arguments.of(new ProgramRun("signal")),
                Arguments.of(new ProgramRun("files")),
                Arguments.of(new ProgramRun("dirs")),
                Arguments.of(new ProgramRun("poll")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void nativeBuildPrintsTheSame(ProgramRun run, @TempDir Path nativeDir, @TempDir Path wasmDir) throws Exception {
        assumeTrue(clang, "clang is not installed: the native comparison needs it (apt-get install clang)");
        Path exe = bin.resolve(run.program);
        Path source = Path.of("src/test/c", run.program + ".c").toAbsolutePath();
        Process cc = new ProcessBuilder("clang", "-O2", "-w", "-o", exe.toString(), source.toString())
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(cc.waitFor() == 0, "clang cannot build native programs here: " + ccOut);

        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(run.args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(nativeDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(run.env);
        Process p = pb.start();
        p.getOutputStream().write(run.stdin);
        p.getOutputStream().close();
        byte[] stdout = p.getInputStream().readAllBytes();
        p.getErrorStream().readAllBytes();
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));

        ProgramRun.Result wasm = run.in(wasmDir).exec();
        assertEquals(new String(stdout, StandardCharsets.UTF_8), wasm.stdout(), run.program + ": stdout");
        assertEquals(p.exitValue(), wasm.exitCode(), run.program + ": exit code");
        try (var s = Files.list(wasmDir)) {
            assertEquals(0, s.count());
        }
    }
}
