package dev.jawa.bench.embed;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;

/** Instantiates {@link EmbeddingModule} on Chicory 1.7.5, with the host's {@code inc}. */
final class ChicorySetup {

    private ChicorySetup() {}

    /**
     * @param mode {@code interpreter} or {@code compiler}
     * @return a fresh instance
     */
    static Instance instantiate(String mode) {
        WasmModule module = Parser.parse(EmbeddingModule.bytes());
        HostFunction inc = new HostFunction("env", "inc", FunctionType.of(List.of(ValType.I32), List.of(ValType.I32)),
                (instance, args) -> new long[] {(int) args[0] + 1});
        Instance.Builder builder = Instance.builder(module)
                .withImportValues(ImportValues.builder().addFunction(inc).build());
        switch (mode) {
            case "interpreter" -> { }
            case "compiler" -> builder.withMachineFactory(MachineFactoryCompiler.compile(module));
            default -> throw new IllegalArgumentException("Chicory mode is interpreter or compiler, not " + mode);
        }
        return builder.build();
    }
}
