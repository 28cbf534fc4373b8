package dev.jawa.bench.compare;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Linker;
import dev.jawa.bench.JawaTiers;
import dev.jawa.module.Import;
import dev.jawa.module.ImportDesc;
import dev.jawa.types.FuncType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The startup measurement under Jawa, in a process of its own: {@code JawaStartupMain
 * interp|jit|auto MODULE.wasm [SIZE]} decodes and validates the module, instantiates it with
 * do-nothing host functions for its function imports, and calls {@code probe(40, 2)} once, with
 * the protocol of {@link ChicoryStartupMain}: the result as a {@code checksum} line, the time from
 * the bytes in memory to the call's return as the {@link RunOutput#TIME_PREFIX} line.
 */
public final class JawaStartupMain {

    private JawaStartupMain() {}

    /**
     * Runs the measurement.
     *
     * @param args the tier, the module, and an ignored size (the runner passes one to every engine)
     * @throws IOException when the module cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !JawaTiers.ALL.contains(args[0])) {
            System.err.println("usage: JawaStartupMain interp|jit|auto MODULE.wasm");
            System.exit(2);
        }
        Engine engine = JawaTiers.engine(args[0]);
        byte[] bytes = Files.readAllBytes(Path.of(args[1]));

        long start = System.nanoTime();
        CompiledModule module = engine.compile(bytes);
        Linker linker = new Linker();
        for (Import i : module.imports()) {
            if (i.desc() instanceof ImportDesc.Func f) {
                FuncType type = module.validated().module().funcType(f.typeIndex());
                int results = type.results().size();
                // The raw-value convention: results go to values[0..]; zero them and return.
                linker.function(i.module(), i.name(), type, (values, refs) -> Arrays.fill(values, 0, results, 0L));
            }
        }
        long result = module.instantiate(linker).function(StartupModules.PROBE).call(40, 2)[0];
        long elapsed = System.nanoTime() - start;

        System.out.println("checksum " + RunOutput.hex(result));
        System.out.flush();
        System.err.println(RunOutput.TIME_PREFIX + elapsed);
    }
}
