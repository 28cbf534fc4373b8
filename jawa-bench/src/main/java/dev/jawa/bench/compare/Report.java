package dev.jawa.bench.compare;

import dev.jawa.bench.embed.MicroReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes BENCHMARKS.md: the latest tables and chart, how they were measured, on what, by which command. */
final class Report {

    private Report() {}

    /**
     * What goes into the report.
     *
     * @param rounds rounds per kernel and engine
     * @param scale the sizes run
     * @param baseline the engine the ratios are taken against
     * @param times the Markdown table of times
     * @param ratios the Markdown table of ratios
     * @param startup the Markdown table of startup times in process, or null when startup was not
     *     measured
     * @param startupWall the same runs' whole-process times, or null when startup was not measured
     * @param micro the microbenchmark section, with its markers (see {@link MicroReport#section})
     * @param unavailable engines not measured, with the reason
     * @param took how long the comparison took
     * @param command the command line that produced it
     * @param chart the chart's path relative to the report, or null
     * @param started when the comparison started
     * @param loadBefore the 1-minute load average before the first run
     * @param loadAfter the 1-minute load average after the last run
     */
    record Inputs(int rounds, Kernel.Scale scale, String baseline, String times, String ratios, String startup,
            String startupWall, String micro,
            Map<String, String> unavailable, Duration took, String command, String chart, Instant started,
            String loadBefore, String loadAfter) {}

    static String render(Inputs in) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Benchmarks\n\n");
        sb.append("""
                Thirteen programs written in C for this project (`jawa-bench/kernels/src`), compiled by clang \
                at -O2 for wasm32-wasi (the committed `jawa-bench/kernels/wasm/*.wasm`) and natively, run \
                under each engine. Each prints a checksum that the runner checks against \
                `jawa-bench/kernels/expected.txt`, so a wrong answer is never a fast one. This file is \
                written by the runner; rerun the command below to refresh it.

                """);
        List<String> jawaMissing = in.unavailable().keySet().stream().filter(n -> n.startsWith("Jawa")).sorted().toList();
        if (!jawaMissing.isEmpty()) {
            sb.append("""
                    **Not every Jawa tier runs yet:** %s %s not in the table (see "Not measured" below). \
                    Ratios are taken against Jawa auto once it runs; until then they are taken against %s.

                    """.formatted(String.join(", ", jawaMissing), jawaMissing.size() == 1 ? "is" : "are",
                    in.baseline()));
        }
        sb.append("## Latest results\n\n");
        sb.append("- Date: ").append(DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(in.started()))
                .append('\n');
        sb.append("- Command: `").append(in.command()).append("`\n");
        sb.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (`nproc`), ")
                .append(Machine.cpuModel()).append(" (`lscpu` model name), ").append(Machine.memory())
                .append(", ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append('\n');
        sb.append("- 1-minute load average before the first run: ").append(in.loadBefore())
                .append(", after the last: ").append(in.loadAfter())
                .append(" (the runs themselves keep about one core busy; more is other work on the machine)\n");
        sb.append("- Java: ").append(Machine.java()).append('\n');
        Machine.toolVersion(List.of("node", "--version")).ifPresent(v -> sb.append("- node: ").append(v).append('\n'));
        Machine.toolVersion(List.of("clang", "--version")).ifPresent(v -> sb.append("- clang: ").append(v).append('\n'));
        sb.append("- Chicory: 1.7.5\n");
        sb.append(String.format(Locale.ROOT, "- Rounds: %d, %s sizes; the whole comparison took %d min %d s%n%n",
                in.rounds(), in.scale().name().toLowerCase(Locale.ROOT), in.took().toMinutes(),
                in.took().toSecondsPart()));
        if (in.chart() != null) {
            sb.append("![Median run time per kernel and engine, log scale](").append(in.chart()).append(")\n\n");
        }
        sb.append("Median time of ").append(in.rounds()).append(" runs:\n\n").append(in.times()).append('\n');
        sb.append("Time relative to ").append(in.baseline()).append(" (below 1 is faster):\n\n")
                .append(in.ratios()).append('\n');
        if (in.startup() != null) {
            sb.append("""
                    ### Startup

                    Decoding, validation, compilation where the engine compiles ahead, instantiation (with \
                    do-nothing host functions for the imports) and one call of an exported `probe(40, 2)`, \
                    whose answer, 42, is checked. The small module is that one function; the large one is \
                    `LargeModuleGenerator`'s (thousands of functions, more than 10 MB of code), generated into \
                    `jawa-bench/target/startup`. Each run is a fresh process; median of %d runs. A failure \
                    names the exception that ended the engine's JVM; the modules themselves are valid (Jawa's \
                    validator and wabt's `wasm-validate` accept them).

                    Why two large modules: Chicory 1.7.5's compiler rejects the large module with a \
                    `VerifyError` ("Bad local variable type" in its generated \
                    `CompiledMachineIndirect_2_0.apply`). For a signature with many functions it generates \
                    helper classes for indirect calls whose method loads parameter i from JVM local slot i, \
                    which is wrong when an earlier parameter is an i64 or f64 (two slots): the module's third \
                    signature, `(i64, f64) -> f64`, triggers it. The "Chicory-compatible" module is generated \
                    from the same seed and size with that signature changed to `(i32, f64) -> f64` (and its \
                    callers passing an i32), otherwise the same mix of code, so that every engine can be \
                    measured on one module of more than 10 MB.

                    Jawa's interpreter translates a function on its first call, so of a large module only the \
                    probe is translated. Its compiler tier (`jit`) spreads a large module over several JVM \
                    classes (about 256 KB of WebAssembly each) and compiles each class on the first call into \
                    it, so the first call compiles the probe's class only; `auto` starts in the interpreter.

                    In process: from the module's bytes in memory to the return of the first call, timed \
                    inside the engine's process (the start of the JVM or of node and the reading of the file \
                    are not included):

                    """.formatted(in.rounds()));
            sb.append(in.startup()).append('\n');
            sb.append("""
                    Whole process: the same runs timed by the runner from the start of the process to its \
                    exit, so the start of the JVM (with the loading of the engine's classes) or of node, \
                    and the reading of the file, are included:

                    """);
            sb.append(in.startupWall()).append('\n');
        }
        sb.append("""
                ### Microbenchmarks (JMH)

                The cost of crossing between Java and WebAssembly and of reaching an instance's memory \
                from Java, for Jawa and Chicory side by side in one JMH run (`jawa-bench/src/main/java/dev/\
                jawa/bench/embed`). `jawa-bench/micro.sh` runs them and rewrites these tables; the \
                comparison above does not.

                """);
        sb.append(in.micro()).append('\n');
        if (!in.unavailable().isEmpty()) {
            sb.append("Not measured:\n\n");
            in.unavailable().forEach((name, reason) -> sb.append("- ").append(name).append(": ").append(reason)
                    .append('\n'));
            sb.append('\n');
        }
        sb.append("""
                ## How it is measured

                - Every run is a fresh process (a new JVM for the JVM engines), so one engine's warm-up, \
                JIT state or garbage never helps or hurts another. The time is taken inside the process, \
                from the module's bytes in memory to the return of `_start`: parsing, validation, \
                compilation, instantiation and the run itself, but not the start of node or the JVM. \
                Native binaries are timed from process start to exit.
                - Rounds alternate between engines: each round runs every kernel under every engine, with \
                the engines' order rotated from round to round. The tables give the median per kernel and \
                engine; geomeans are over the kernels an engine completed.
                - Every run's checksum is checked; a wrong checksum, a crash or a timeout shows in the \
                table instead of a time, and the runner exits with status 1.
                - Quick sizes (`jawa-bench/kernels/sizes.txt`) keep the slowest engine, Chicory's \
                interpreter, within the 20-minute budget on 2 cores (the runner warns when the whole comparison \
                takes longer). At these sizes a run under node or \
                Chicory's compiler is largely compilation and (on the JVM) warm-up, which is part of what \
                a user waits for but not steady-state speed. `--scale full` runs each kernel's default \
                size (0.5 to 2 s natively); with Chicory's interpreter that takes hours, so leave it out \
                with `--engines`.
                - node runs the modules through `jawa-bench/kernels/run-wasi.mjs`, by default (Liftoff, \
                then TurboFan) and with `--no-liftoff` (TurboFan only). That script implements the seven \
                WASI calls the kernels make itself: node 20's `node:wasi` keeps a stale pointer to the \
                memory after `memory.grow` and crashes or loses output once a kernel's memory grows. \
                Chicory runs the modules with chicory-wasi, in its interpreter and with its bytecode \
                compiler, in a JVM with `-Xmx3g -Xss64m`; Jawa runs them in the same kind of JVM, one \
                column per tier that is measured (`interp`, `jit`, and `auto` once it differs from both), \
                with jawa-wasi.

                ## The kernels

                | kernel | what it does |
                |---|---|
                | matmul | dense f64 matrix multiply and power iteration |
                | stencil | 5-point Jacobi relaxation on a 256 × 256 f64 grid |
                | sha256 | SHA-256 over a 64 KiB buffer, chained |
                | compress | LZ77 with hash chains, compress and decompress 1 MiB blocks |
                | sort | quicksort of u32 keys and bottom-up merge sort of u64 keys |
                | nbody | 8-body gravity simulation (f64) |
                | mandelbrot | escape counts over an f64 grid |
                | fannkuch | pancake flips over all permutations |
                | strings | hashing, KMP search, reversing and sorting strings |
                | recursive | naive Fibonacci, Takeuchi, a recursive tree walk (call-heavy) |
                | interp | a bytecode interpreter dispatching through function pointers (call_indirect-heavy) |
                | i64 | Miller-Rabin with 64-bit arithmetic, bit counts, 64-bit division |
                | alloc | malloc/realloc/free churn with a growing peak (memory.grow-heavy) |

                Rebuild the modules and native binaries with `jawa-bench/kernels/build.sh` (needs clang, \
                lld, wasi-libc and libclang-rt-14-dev-wasm32 on Debian); the comparison itself needs only \
                Java, and node for the node columns.
                """);
        return sb.toString();
    }
}
