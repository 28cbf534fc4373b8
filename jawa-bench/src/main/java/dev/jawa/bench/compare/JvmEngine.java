package dev.jawa.bench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, mode,
                kernel.wasm().toString(), Long.toString(size)));
        return cmd;
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
