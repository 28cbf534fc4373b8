package dev.jawa.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An engine that runs each kernel as a child process. Output goes to temporary files rather than
 * pipes, so a chatty program can never block on a full pipe while the runner waits for it.
 */
abstract class ProcessEngine implements Engine {

    /**
     * The command that runs a kernel at a size.
     *
     * @param kernel the kernel
     * @param size its size argument
     * @return the command and its arguments
     */
    abstract List<String> command(Kernel kernel, long size);

    /**
     * Whether the process reports its own time on stderr; if not, the runner times the whole
     * process from start to exit.
     *
     * @return true for the wasm runners, false for native binaries
     */
    abstract boolean reportsTime();

    @Override
    public RunResult run(Kernel kernel, long size, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jawa-bench-", ".out");
        Path err = Files.createTempFile("jawa-bench-", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command(kernel, size))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            long start = System.nanoTime();
            Process p = pb.start();
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long wall = System.nanoTime() - start;
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            String stdout = Files.readString(out);
            String stderr = Files.readString(err);
            long nanos = reportsTime() ? RunOutput.reportedNanos(stderr).orElse(-1) : wall;
            return new RunResult(nanos, wall, stdout, stderr, finished ? p.exitValue() : -1, !finished);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Whether a program runs here: it starts, and exits with status 0, within ten seconds.
     *
     * @param command the probe, e.g. {@code node --version}
     * @return true when it did
     */
    static boolean probe(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
