package dev.jawa.bench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Node's V8 through node:wasi (kernels/run-wasi.mjs): by default with its tiering (Liftoff first,
 * then TurboFan), or with {@code --no-liftoff}, which compiles everything with TurboFan up front.
 */
final class NodeEngine extends ProcessEngine {

    private final Path runner;
    private final boolean noLiftoff;

    /**
     * @param runner the run-wasi.mjs script
     * @param noLiftoff whether to pass {@code --no-liftoff}
     */
    NodeEngine(Path runner, boolean noLiftoff) {
        this.runner = runner;
        this.noLiftoff = noLiftoff;
    }

    @Override
    public String id() {
        return noLiftoff ? "node-no-liftoff" : "node";
    }

    @Override
    public String displayName() {
        return noLiftoff ? "node --no-liftoff" : "node";
    }

    @Override
    public Optional<String> unavailableReason() {
        return probe(List.of("node", "--version")) ? Optional.empty() : Optional.of("node is not on the PATH");
    }

    @Override
    public Optional<Engine> forStartup() {
        return Optional.of(new NodeEngine(runner.resolveSibling("startup.mjs"), noLiftoff));
    }

    @Override
    List<String> command(Kernel kernel, long size) {
        List<String> cmd = new ArrayList<>(List.of("node", "--no-warnings"));
        if (noLiftoff) {
            cmd.add("--no-liftoff");
        }
        cmd.addAll(List.of(runner.toString(), kernel.wasm().toString(), Long.toString(size)));
        return cmd;
    }

    @Override
    boolean reportsTime() {
        return true;
    }
}
