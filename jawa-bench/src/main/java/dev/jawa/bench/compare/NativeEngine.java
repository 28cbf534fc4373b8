package dev.jawa.bench.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The kernels compiled natively by clang at -O2 (kernels/build.sh native), the yardstick every
 * wasm engine is measured against. Its time is the whole process, start to exit (a millisecond
 * or so more than the program itself).
 */
final class NativeEngine extends ProcessEngine {

    private final Path binaries;
    private final List<Kernel> kernels;

    /**
     * @param binaries the directory with one binary per kernel
     * @param kernels the kernels that must all have a binary for this engine to run
     */
    NativeEngine(Path binaries, List<Kernel> kernels) {
        this.binaries = binaries;
        this.kernels = List.copyOf(kernels);
    }

    @Override
    public String id() {
        return "native";
    }

    @Override
    public String displayName() {
        return "native (clang -O2)";
    }

    @Override
    public Optional<String> unavailableReason() {
        for (Kernel k : kernels) {
            if (!Files.isExecutable(binaries.resolve(k.name()))) {
                return Optional.of("no native binary " + binaries.resolve(k.name())
                        + " (clang was not found, or jawa-bench/kernels/build.sh native was not run)");
            }
        }
        return Optional.empty();
    }

    @Override
    List<String> command(Kernel kernel, long size) {
        return List.of(binaries.resolve(kernel.name()).toString(), Long.toString(size));
    }

    @Override
    boolean reportsTime() {
        return false;
    }
}
