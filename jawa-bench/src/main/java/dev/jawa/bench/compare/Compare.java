package dev.jawa.bench.compare;

import dev.jawa.bench.embed.MicroReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The engine comparison: runs every kernel under every available engine, alternating engines
 * within each round, for several rounds; checks every checksum; and prints Markdown tables of the
 * median times and of the ratios against the baseline, optionally writing a full report and an
 * SVG chart. See {@code jawa-bench/compare.sh} for the one-line command and {@link #USAGE}.
 */
public final class Compare {

    static final String USAGE = """
            usage: Compare [options]
              --kernels-dir DIR   the kernels (sizes.txt, expected.txt, wasm/, run-wasi.mjs); default jawa-bench/kernels
              --native-dir DIR    the native binaries; default jawa-bench/target/kernels-native
              --rounds N          rounds per kernel and engine, the median is reported (default 5)
              --scale quick|full  the comparison's sizes or each kernel's default size (default quick)
              --only K1,K2        run only these kernels
              --kernels on|off    run the kernels (default on); off measures startup alone and prints
                                  its tables without writing the report or the chart
              --engines E1,E2     run only these engines (ids: native, node, node-no-liftoff,
                                  chicory-interp, chicory-compiler, jawa-interp, jawa-jit, jawa-auto)
              --timeout SECONDS   the longest one run may take (default 600)
              --startup on|off    also measure startup on a small module, a large one and a large
                                  Chicory-compatible one (default on; about 4 minutes at 5 rounds)
              --startup-dir DIR   where the startup modules are generated; default jawa-bench/target/startup
              --micro FILE        the microbenchmark tables the report includes (written by jawa-bench/micro.sh);
                                  default jawa-bench/results/microbenchmarks.md
              --report FILE       write the full Markdown report there (as BENCHMARKS.md)
              --svg FILE          write the bar chart there
              --command TEXT      the command line to record in the report
            The defaults (5 rounds, quick sizes, startup on) are to finish within 20 minutes on 2 cores,
            with every engine; the runner warns when a run takes longer. Chicory's interpreter takes
            most of it (about 4 minutes); each further Jawa tier adds one run per kernel and round.
            """;

    /** How long the whole comparison may take on the project's 2-core machine (issue 7). */
    static final Duration BUDGET = Duration.ofMinutes(20);

    private Compare() {}

    /**
     * Runs the comparison.
     *
     * @param args see {@link #USAGE}
     * @throws Exception when a file cannot be written or the run is interrupted
     */
    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("compare: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        List<Kernel> kernels = KernelCatalog.load(o.kernelsDir).stream()
                .filter(k -> o.kernels && (o.only.isEmpty() || o.only.contains(k.name())))
                .toList();
        List<Engine> all = engines(o, kernels);
        List<Engine> engines = new ArrayList<>();
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (Engine e : all) {
            if (!o.engines.isEmpty() && !o.engines.contains(e.id())) {
                continue;
            }
            e.unavailableReason().ifPresentOrElse(r -> unavailable.put(e.displayName(), r), () -> engines.add(e));
        }
        if (engines.isEmpty() || (kernels.isEmpty() && !o.startup)) {
            System.err.println("compare: nothing to run (engines: " + unavailable + ")");
            System.exit(2);
        }
        String baseline = baseline(engines);
        Results results = new Results(kernels.stream().map(Kernel::name).toList(),
                engines.stream().map(Engine::displayName).toList());
        List<Kernel> startupModules = o.startup ? StartupModules.write(o.startupDir) : List.of();
        List<Engine> startupEngines = engines.stream().flatMap(e -> e.forStartup().stream()).toList();
        Results startup = new Results(startupModules.stream().map(Kernel::name).toList(),
                startupEngines.stream().map(Engine::displayName).toList());
        // The same startup runs timed from outside: process start to exit, the runtime's own start included.
        Results startupWall = new Results(startup.kernels(), startup.engines());

        String loadBefore = Machine.loadAverage();
        Instant started = Instant.now();
        for (int round = 0; round < o.rounds; round++) {
            for (Kernel k : kernels) {
                long size = k.size(o.scale);
                // Rotate the engine order each round, so that none always runs first or last.
                for (int j = 0; j < engines.size(); j++) {
                    Engine e = engines.get((j + round) % engines.size());
                    if (results.failure(k.name(), e.displayName()).isPresent()) {
                        continue;
                    }
                    runOnce(results, null, k, size, e, o.timeout, round, o.rounds);
                }
            }
            for (Kernel m : startupModules) {
                for (int j = 0; j < startupEngines.size(); j++) {
                    Engine e = startupEngines.get((j + round) % startupEngines.size());
                    if (startup.failure(m.name(), e.displayName()).isEmpty()) {
                        runOnce(startup, startupWall, m, 0, e, o.timeout, round, o.rounds);
                    }
                }
            }
        }
        Duration took = Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        String loadAfter = Machine.loadAverage();

        String times = MarkdownTables.times(results, "kernel (size)",
                kernels.stream().map(k -> k.name() + " (" + k.size(o.scale) + ")").toList());
        String ratios = MarkdownTables.ratios(results, baseline);
        List<String> startupLabels = startupModules.stream().map(Compare::describe).toList();
        String startupTimes = startupModules.isEmpty() ? null
                : MarkdownTables.times(startup, "module", startupLabels, false);
        String startupWallTimes = startupModules.isEmpty() ? null
                : MarkdownTables.times(startupWall, "module", startupLabels, false);
        System.out.println("Median of " + o.rounds + " rounds:\n\n" + times);
        System.out.println("Ratios against " + baseline + " (below 1 is faster):\n\n" + ratios);
        if (startupTimes != null) {
            System.out.println("Startup in process (bytes in memory to the first call's return), median of "
                    + o.rounds + " rounds:\n\n" + startupTimes);
            System.out.println("Startup as a whole process (start to exit), median of " + o.rounds
                    + " rounds:\n\n" + startupWallTimes);
        }
        unavailable.forEach((name, reason) -> System.out.println("Not measured: " + name + ": " + reason));
        System.out.println("The comparison took " + took.toMinutesPart() + " min " + took.toSecondsPart() + " s.");

        if (o.svg != null && !kernels.isEmpty()) {
            write(o.svg, SvgChart.render(results, "Median run time per kernel (" + o.rounds + " rounds, "
                    + o.scale.name().toLowerCase(Locale.ROOT) + " sizes; lower is better)"));
        }
        if (o.report != null && kernels.isEmpty()) {
            // A startup-only run would leave the report without its kernel tables: print, do not write.
            System.err.println("compare: no kernels ran, so " + o.report + " is left as it is (the tables are above)");
        } else if (o.report != null) {
            write(o.report, Report.render(new Report.Inputs(o.rounds, o.scale, baseline, times, ratios,
                    startupTimes, startupWallTimes, MicroReport.section(o.micro), unavailable, took, o.command,
                    o.svg == null ? null : relative(o.report, o.svg),
                    started, loadBefore, loadAfter)));
        }
        if (took.compareTo(BUDGET) > 0) {
            System.err.println("compare: the comparison took " + took.toMinutes() + " min, over its budget of "
                    + BUDGET.toMinutes() + " min on 2 cores: lower --rounds or the quick sizes (kernels/sizes.txt)");
        }
        if (startup.anyFailure()) {
            // A peer engine that cannot load the large module is a finding, not a broken run.
            System.err.println("compare: some engines failed a startup measurement (see the table)");
        }
        if (results.anyFailure()) {
            System.err.println("compare: some runs failed (see the tables)");
            System.exit(1);
        }
    }

    /**
     * Runs a kernel once under an engine and records its in-process time in {@code results} (and
     * its whole-process time in {@code wall}, unless that is null), or the reason it failed.
     */
    private static void runOnce(Results results, Results wall, Kernel k, long size, Engine e, Duration timeout,
            int round, int rounds) throws IOException, InterruptedException {
        Engine.RunResult r = e.run(k, size, timeout);
        String verdict;
        long expected = k.expected().get(size);
        OptionalLong got = RunOutput.checksum(r.stdout());
        if (r.timedOut()) {
            verdict = "timeout";
        } else if (r.exitCode() != 0) {
            verdict = RunOutput.uncaughtException(r.stderr())
                    .map(x -> "failed (" + x + ")")
                    .orElse("failed (exit " + r.exitCode() + ")");
        } else if (got.isEmpty()) {
            verdict = "no checksum";
        } else if (got.getAsLong() != expected) {
            verdict = "wrong checksum";
        } else if (r.nanos() < 0) {
            verdict = "no time reported";
        } else {
            verdict = null;
        }
        if (verdict == null) {
            results.add(k.name(), e.displayName(), r.nanos());
            if (wall != null) {
                wall.add(k.name(), e.displayName(), r.wallNanos());
            }
        } else {
            results.fail(k.name(), e.displayName(), verdict);
            if (wall != null) {
                wall.fail(k.name(), e.displayName(), verdict);
            }
        }
        System.err.printf(Locale.ROOT, "[round %d/%d] %-10s %-20s %s%n", round + 1, rounds, k.name(), e.displayName(),
                verdict == null ? MarkdownTables.millis(r.nanos() / 1e6) : verdict + tail(r));
    }

    private static String tail(Engine.RunResult r) {
        String err = r.stderr().strip();
        if (err.isEmpty()) {
            return "";
        }
        List<String> lines = err.lines().toList();
        return "\n    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    /**
     * Every engine the comparison knows, in column order: native first, then the peers, then
     * Jawa's tiers.
     */
    static List<Engine> engines(Options o, List<Kernel> kernels) {
        List<Engine> engines = new ArrayList<>();
        engines.add(new NativeEngine(o.nativeDir, kernels));
        engines.add(new NodeEngine(o.kernelsDir.resolve("run-wasi.mjs"), false));
        engines.add(new NodeEngine(o.kernelsDir.resolve("run-wasi.mjs"), true));
        engines.add(JvmEngine.chicory(false));
        engines.add(JvmEngine.chicory(true));
        for (String tier : JawaEngine.TIERS) {
            engines.add(new JawaEngine(tier));
        }
        return engines;
    }

    /**
     * The engine every ratio is taken against: Jawa auto once it runs, else node --no-liftoff,
     * else the first engine that runs.
     */
    static String baseline(List<Engine> engines) {
        for (Engine e : engines) {
            if (e instanceof JawaEngine j && j.isBaseline()) {
                return e.displayName();
            }
        }
        for (Engine e : engines) {
            if (e.id().equals("node-no-liftoff")) {
                return e.displayName();
            }
        }
        return engines.getFirst().displayName();
    }

    private static String describe(Kernel module) {
        try {
            long bytes = Files.size(module.wasm());
            return module.name() + " (" + (bytes >= 1_000_000
                    ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) : bytes + " bytes") + ")";
        } catch (IOException e) {
            return module.name();
        }
    }

    private static String relative(Path from, Path to) {
        Path base = from.toAbsolutePath().normalize().getParent();
        return base.relativize(to.toAbsolutePath().normalize()).toString();
    }

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text);
        System.err.println("wrote " + file);
    }

    /** The parsed command line. */
    static final class Options {
        Path kernelsDir = Path.of("jawa-bench/kernels");
        Path nativeDir = Path.of("jawa-bench/target/kernels-native");
        int rounds = 5;
        Kernel.Scale scale = Kernel.Scale.QUICK;
        List<String> only = List.of();
        List<String> engines = List.of();
        Duration timeout = Duration.ofSeconds(600);
        Path report;
        Path svg;
        boolean startup = true;
        boolean kernels = true;
        Path startupDir = Path.of("jawa-bench/target/startup");
        Path micro = Path.of("jawa-bench/results/microbenchmarks.md");
        String command = "java -cp jawa-bench/target/benchmarks.jar " + Compare.class.getName();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--kernels-dir" -> o.kernelsDir = Path.of(v);
                    case "--native-dir" -> o.nativeDir = Path.of(v);
                    case "--rounds" -> o.rounds = positive(a, v);
                    case "--scale" -> o.scale = switch (v) {
                        case "quick" -> Kernel.Scale.QUICK;
                        case "full" -> Kernel.Scale.FULL;
                        default -> throw new IllegalArgumentException("--scale takes quick or full, not " + v);
                    };
                    case "--only" -> o.only = Arrays.asList(v.split(","));
                    case "--engines" -> o.engines = Arrays.asList(v.split(","));
                    case "--timeout" -> o.timeout = Duration.ofSeconds(positive(a, v));
                    case "--report" -> o.report = Path.of(v);
                    case "--svg" -> o.svg = Path.of(v);
                    case "--command" -> o.command = v;
                    case "--startup" -> o.startup = switch (v) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new IllegalArgumentException("--startup takes on or off, not " + v);
                    };
                    case "--startup-dir" -> o.startupDir = Path.of(v);
                    case "--kernels" -> o.kernels = onOff(a, v);
                    case "--micro" -> o.micro = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            return o;
        }

        private static boolean onOff(String option, String value) {
            return switch (value) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalArgumentException(option + " takes on or off, not " + value);
            };
        }

        private static int positive(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " takes a positive number, not " + value);
        }
    }
}
