package dev.jawa.bench.compare;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one WASI command module under Chicory, in a process of its own, for the comparison runner:
 * {@code ChicoryMain interpreter|compiler KERNEL.wasm [ARGS...]}.
 *
 * <p>The program's output goes to stdout. Afterwards one line on stderr, {@code
 * jawa-bench-time-ns N}, gives the nanoseconds from the module's bytes in memory to the return of
 * {@code _start} (parsing, compiling in compiler mode, instantiating, running), the same span
 * that the node runner reports. The exit status is the program's.
 */
public final class ChicoryMain {

    private ChicoryMain() {}

    /**
     * Runs the module.
     *
     * @param args the mode ({@code interpreter} or {@code compiler}), the module, its arguments
     * @throws IOException when the module cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !(args[0].equals("interpreter") || args[0].equals("compiler"))) {
            System.err.println("usage: ChicoryMain interpreter|compiler KERNEL.wasm [ARGS...]");
            System.exit(2);
        }
        boolean compile = args[0].equals("compiler");
        Path file = Path.of(args[1]);
        List<String> programArgs = new ArrayList<>();
        programArgs.add(file.getFileName().toString().replaceFirst("\\.wasm$", ""));
        programArgs.addAll(Arrays.asList(args).subList(2, args.length));
        byte[] bytes = Files.readAllBytes(file);
        PrintStream out = System.out;

        long start = System.nanoTime();
        int exitCode = run(bytes, compile, programArgs, out);
        long elapsed = System.nanoTime() - start;
        out.flush();
        System.err.println(RunOutput.TIME_PREFIX + elapsed);
        System.exit(exitCode);
    }

    private static int run(byte[] bytes, boolean compile, List<String> args, PrintStream out) {
        WasiOptions options = WasiOptions.builder()
                .withStdout(out)
                .withStderr(System.err)
                .withArguments(args)
                .build();
        try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
            WasmModule module = Parser.parse(bytes);
            Instance.Builder builder = Instance.builder(module)
                    .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                    .withStart(false);
            if (compile) {
                builder.withMachineFactory(MachineFactoryCompiler.compile(module));
            }
            Instance instance = builder.build();
            try {
                instance.export("_start").apply();
                return 0;
            } catch (WasiExitException e) {
                return e.exitCode();
            }
        }
    }
}
