package dev.jawa.bench.compare;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The startup measurement under Chicory, in a process of its own: {@code ChicoryStartupMain
 * interpreter|compiler MODULE.wasm [SIZE]} parses the module, instantiates it (compiling it in
 * compiler mode) with do-nothing host functions for its function imports, and calls {@code
 * probe(40, 2)} once. It prints the result as a {@code checksum} line and the time from the bytes
 * in memory to the call's return as the {@link RunOutput#TIME_PREFIX} line, like {@link
 * ChicoryMain}.
 */
public final class ChicoryStartupMain {

    private ChicoryStartupMain() {}

    /**
     * Runs the measurement.
     *
     * @param args the mode, the module, and an ignored size (the runner passes one to every engine)
     * @throws IOException when the module cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !(args[0].equals("interpreter") || args[0].equals("compiler"))) {
            System.err.println("usage: ChicoryStartupMain interpreter|compiler MODULE.wasm");
            System.exit(2);
        }
        boolean compile = args[0].equals("compiler");
        byte[] bytes = Files.readAllBytes(Path.of(args[1]));

        long start = System.nanoTime();
        WasmModule module = Parser.parse(bytes);
        ImportValues.Builder imports = ImportValues.builder();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            if (module.importSection().getImport(i) instanceof FunctionImport f) {
                FunctionType type = module.typeSection().getType(f.typeIndex());
                long[] zeros = new long[type.returns().size()];
                imports.addFunction(new HostFunction(f.module(), f.name(), type, (instance, a) -> zeros));
            }
        }
        Instance.Builder builder = Instance.builder(module).withImportValues(imports.build());
        if (compile) {
            builder.withMachineFactory(MachineFactoryCompiler.compile(module));
        }
        long result = builder.build().export(StartupModules.PROBE).apply(40, 2)[0];
        long elapsed = System.nanoTime() - start;

        System.out.println("checksum " + RunOutput.hex(result));
        System.out.flush();
        System.err.println(RunOutput.TIME_PREFIX + elapsed);
    }
}
