package dev.jawa.bench.compare;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A way to run a kernel: native code, a peer WebAssembly engine, or one of Jawa's tiers. Each run
 * is a fresh process, so that one engine's warm-up, JIT state or garbage cannot help or hurt
 * another's; a run's time spans from the module's bytes in memory to the return of {@code _start}
 * (see {@link RunOutput#TIME_PREFIX}), or the whole process for native code.
 */
public interface Engine {

    /**
     * A short identifier for the command line's {@code --engines} filter.
     *
     * @return e.g. {@code node-no-liftoff}
     */
    String id();

    /**
     * The name tables and charts show.
     *
     * @return e.g. {@code node --no-liftoff}
     */
    String displayName();

    /**
     * Why this engine cannot run here, if it cannot (a missing tool, or a Jawa tier that does not
     * exist yet).
     *
     * @return the reason, or empty when the engine can run
     */
    Optional<String> unavailableReason();

    /**
     * Runs a kernel once.
     *
     * @param kernel the kernel
     * @param size its size argument
     * @param timeout how long the run may take before it is stopped
     * @return what the run printed and how long it took
     * @throws IOException when the process cannot be started
     * @throws InterruptedException when interrupted while waiting for it
     */
    RunResult run(Kernel kernel, long size, Duration timeout) throws IOException, InterruptedException;

    /**
     * The same engine set up for the startup measurement (see {@link StartupModules}): its run
     * decodes, validates, instantiates and returns from a first call, and prints the call's
     * result as the checksum.
     *
     * @return the startup variant, or empty when the engine has none (native code)
     */
    default Optional<Engine> forStartup() {
        return Optional.empty();
    }

    /**
     * One run's outcome.
     *
     * @param nanos the measured time (see {@link Engine})
     * @param wallNanos the whole process's time, from before its start to its exit, as the runner
     *     saw it (for the JVM engines this includes the JVM's start and class loading)
     * @param stdout what the program printed
     * @param stderr what the program and the runner printed on stderr
     * @param exitCode the process's exit status
     * @param timedOut whether the run was stopped at the timeout
     */
    record RunResult(long nanos, long wallNanos, String stdout, String stderr, int exitCode, boolean timedOut) {}
}
