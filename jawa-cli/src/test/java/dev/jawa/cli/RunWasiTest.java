package dev.jawa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jawa run} on WASI programs, as a separate process (so that its real standard streams and
 * exit code are what is checked): arguments, --env, --dir, stdin piped through, the guest's exit
 * code as the process's, and a trap's WebAssembly stack trace.
 */
class RunWasiTest {

    /** What a jawa process printed and its exit status. */
    record Proc(int status, String out, String err) {
    }

    @TempDir
    Path dir;

    /** Runs {@code jawa ARGS} in a new JVM on this test's class path, with {@code stdin}. */
    static Proc jawa(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED"); // as the jawa launcher runs it (WASI's sandbox calls *at)
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.jawa.cli.Main");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Proc(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void runsTheExampleWithArgumentsStdinDirectoryAndEnvironment() throws Exception {
        Path example = Path.of("../examples/hello-wasi.wasm");
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("b.txt"), "b");
        Proc p = jawa("one two\nthree\n", "run", "--dir", dir + "::data", "--env", "USER=ada", example.toString(),
                "Ada", "Grace");
        assertEquals("Hello, Ada!\nHello, Grace!\nstdin: 2 lines, 3 words\ndata/ has 2 entries\nUSER is ada\n", p.out());
        assertEquals("", p.err());
        assertEquals(2, p.status(), "the program's exit code (its argument count)");
    }

    @Test
    void programOptionsAfterTheFileAreItsArguments() throws Exception {
        Proc p = jawa("", "run", Path.of("../examples/hello-wasi.wasm").toString(), "-v", "--", "--dir");
        assertEquals("Hello, -v!\nHello, --dir!\nstdin: 0 lines, 0 words\n", p.out());
        assertEquals(2, p.status());
    }

    @Test
    void trapPrintsTheWebAssemblyStackAndFails() throws Exception {
        Path wat = Files.writeString(dir.resolve("trap.wat"), """
                (module
                  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 16) "before\\n")
                  (func $inner (unreachable))
                  (func $outer (call $inner))
                  (func (export "_start")
                    (i32.store (i32.const 0) (i32.const 16))
                    (i32.store (i32.const 4) (i32.const 7))
                    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                    (call $outer)))
                """);
        // The interpreter names the frames (the jit tier's traps carry no frames yet).
        Proc p = jawa("", "run", "--tier", "interp", wat.toString());
        assertEquals("before\n", p.out());
        assertEquals(1, p.status());
        assertTrue(p.err().startsWith("trap: unreachable"), p.err());
        assertTrue(p.err().contains("at func $inner"), p.err());
        assertTrue(p.err().contains("at func $outer"), p.err());
    }

    @Test
    void procExitCodeBecomesTheProcessStatus() throws Exception {
        Path wat = Files.writeString(dir.resolve("exit.wat"), """
                (module
                  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
                  (memory (export "memory") 1)
                  (func (export "_start") (call $exit (i32.const 42))))
                """);
        assertEquals(42, jawa("", "run", wat.toString()).status());
    }

    @Test
    void aModuleWithoutStartNeedsInvoke() throws Exception {
        Path wat = Files.writeString(dir.resolve("lib.wat"), "(module (func (export \"f\") (result i32) (i32.const 7)))");
        Proc p = jawa("", "run", wat.toString());
        assertEquals(1, p.status());
        assertTrue(p.err().contains("no _start export"), p.err());
        Proc q = jawa("", "run", wat.toString(), "--invoke", "f");
        assertEquals("7\n", q.out());
        assertEquals(0, q.status());
    }
}
