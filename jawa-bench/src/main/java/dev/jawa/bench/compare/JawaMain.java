package dev.jawa.bench.compare;

import dev.jawa.Engine;
import dev.jawa.bench.JawaTiers;
import dev.jawa.wasi.Wasi;
import dev.jawa.wasi.WasiConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one WASI command module on Jawa, in a process of its own, for the comparison runner, with
 * the protocol of {@link ChicoryMain}: {@code JawaMain interp|jit|auto KERNEL.wasm [ARGS...]}; the program's
 * output on stdout, then {@code jawa-bench-time-ns N} on stderr (from the module's bytes in memory
 * to the return of {@code _start}: decoding, validating, instantiating, running). WASI is jawa-wasi's.
 */
public final class JawaMain {

    private JawaMain() {
    }

    /**
     * Runs the module.
     *
     * @param args the tier (see {@link JawaTiers}), the module, its arguments
     * @throws IOException when the module cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !JawaTiers.ALL.contains(args[0])) {
            System.err.println("usage: JawaMain interp|jit|auto KERNEL.wasm [ARGS...]");
            System.exit(2);
        }
        Engine engine = JawaTiers.engine(args[0]);
        Path file = Path.of(args[1]);
        List<String> programArgs = new ArrayList<>();
        programArgs.add(file.getFileName().toString().replaceFirst("\\.wasm$", ""));
        programArgs.addAll(Arrays.asList(args).subList(2, args.length));
        byte[] bytes = Files.readAllBytes(file);
        PrintStream out = System.out;

        long start = System.nanoTime();
        int exitCode = run(engine, bytes, programArgs, out);
        long elapsed = System.nanoTime() - start;
        out.flush();
        System.err.println(RunOutput.TIME_PREFIX + elapsed);
        System.exit(exitCode);
    }

    static int run(Engine engine, byte[] bytes, List<String> args, PrintStream out) {
        WasiConfig config = WasiConfig.builder().args(args).stdout(out).stderr(System.err).build();
        return Wasi.run(engine.compile(bytes), config);
    }
}
