package dev.jawa.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An engine on the JVM, run in a fresh JVM per run (the same java and class path as the runner)
 * through a main class that follows the runner protocol of {@link ChicoryMain}: {@code MAIN MODE
 * KERNEL.wasm SIZE}, program output on stdout, the time line on stderr.
 */
class JvmEngine extends ProcessEngine {

    /** Enough heap for the largest kernel's memory several times over, and deep recursion. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx3g", "-Xss64m");

    private final String id;
    private final String displayName;
    private final String mainClass;
    private final String startupMainClass;
    private final String mode;
    /** Whether this runs kernels (then it may get an AOT cache, see {@link #AOT_CACHE_ENV}). */
    private final boolean kernelRunner;
    /** The AOT cache made for this engine, once trained (null: none, or not yet tried). */
    private Path aotCache;
    private boolean aotTried;

    /**
     * The environment variable that gives every JVM engine (Jawa's tiers and Chicory's alike) the
     * JVM's AOT cache (JDK 25, JEP 483/514/515: classes loaded and linked ahead, method profiles):
     * a directory where each engine's cache is made by one training run (the engine on
     * {@link #TRAINING_KERNEL} at its quick size) before its first measured run. Unset: no cache.
     */
    static final String AOT_CACHE_ENV = "JAWA_BENCH_AOT_CACHE";
    /** The kernel every engine trains on (the same for all, for fairness). */
    static final String TRAINING_KERNEL = "sha256";

    /**
     * @param id the engine's identifier
     * @param displayName its name in tables
     * @param mainClass the runner's main class
     * @param startupMainClass the main class of the startup measurement (same protocol), or null
     * @param mode the runner's first argument
     */
    JvmEngine(String id, String displayName, String mainClass, String startupMainClass, String mode) {
        this.id = id;
        this.displayName = displayName;
        this.mainClass = mainClass;
        this.startupMainClass = startupMainClass;
        this.mode = mode;
        this.kernelRunner = startupMainClass != null;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public Optional<Engine> forStartup() {
        return startupMainClass == null ? Optional.empty()
                : Optional.of(new JvmEngine(id, displayName, startupMainClass, null, mode));
    }

    @Override
    List<String> command(Kernel kernel, long size) {
        List<String> aot = new ArrayList<>();
        Path cache = kernelRunner ? aotCache(kernel) : null;
        if (cache != null) {
            aot.addAll(List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off", "-Xlog:cds*=off"));
        }
        return javaCommand(aot, kernel.wasm(), size);
    }

    private List<String> javaCommand(List<String> extraOptions, Path wasm, long size) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(extraOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, mode,
                wasm.toString(), Long.toString(size)));
        return cmd;
    }

    /**
     * This engine's AOT cache, trained on first use when {@link #AOT_CACHE_ENV} names a directory;
     * null without one or when training failed (the runs then go without, as the report's
     * numbers would otherwise mix).
     */
    private synchronized Path aotCache(Kernel any) {
        String dir = System.getenv(AOT_CACHE_ENV);
        if (aotTried || dir == null || dir.isBlank()) {
            return aotCache;
        }
        aotTried = true;
        Path training = any.wasm().resolveSibling(TRAINING_KERNEL + ".wasm");
        try {
            Path d = Files.createDirectories(Path.of(dir));
            Path cache = d.resolve(id + ".aot");
            Files.deleteIfExists(cache);
            long size = KernelCatalog.load(any.wasm().getParent().getParent()).stream()
                    .filter(k -> k.name().equals(TRAINING_KERNEL)).findFirst().map(Kernel::quickSize).orElse(1L);
            Process p = new ProcessBuilder(javaCommand(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot*=off",
                    "-Xlog:cds*=off"), training, size))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            if (p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.size(cache) > 0) {
                aotCache = cache;
            } else {
                p.destroyForcibly();
                System.err.println("compare: training the AOT cache of " + id + " failed: it runs without");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("compare: no AOT cache for " + id + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return aotCache;
    }

    @Override
    boolean reportsTime() {
        return true;
    }

    /**
     * Chicory 1.7.5 in one of its two modes.
     *
     * @param compiler true for the bytecode compiler, false for the interpreter
     * @return the engine
     */
    static JvmEngine chicory(boolean compiler) {
        String main = ChicoryMain.class.getName();
        String startup = ChicoryStartupMain.class.getName();
        return compiler
                ? new JvmEngine("chicory-compiler", "Chicory compiler", main, startup, "compiler")
                : new JvmEngine("chicory-interp", "Chicory interpreter", main, startup, "interpreter");
    }
}
