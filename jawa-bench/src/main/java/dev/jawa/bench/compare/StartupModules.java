package dev.jawa.bench.compare;

import dev.jawa.bench.LargeModuleGenerator;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.Export;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Function;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.types.AddressType;
import dev.jawa.types.FuncType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import dev.jawa.types.NumType;
import dev.jawa.types.RecType;
import dev.jawa.types.SubType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The modules of the startup measurement: a small one (one function and a memory), a large one
 * (the generated module of {@link LargeModuleGenerator}, more than 10 MB of code), and a large one
 * of the generator's Chicory-compatible variant (the same mix of code, with one signature changed
 * so that Chicory 1.7.5's compiler can load it; see {@link LargeModuleGenerator#generate(long,
 * long, boolean)}). All export {@value #PROBE}, {@code (i32, i32) -> i32}, which adds its
 * arguments: the "first call" is {@code probe(40, 2)}, and the runner checks that it returns
 * {@value #ANSWER}.
 */
public final class StartupModules {

    /** The export the startup runners call. */
    public static final String PROBE = "probe";
    /** What {@code probe(40, 2)} returns. */
    public static final int ANSWER = 42;

    private StartupModules() {}

    /** The name of the Chicory-compatible large module in the startup tables. */
    public static final String LARGE_CHICORY_COMPATIBLE = "large, Chicory-compatible";

    /**
     * Writes {@code startup-small.wasm}, {@code startup-large.wasm} and {@code
     * startup-large-chicory.wasm} into a directory (the large ones are generated, so they are not
     * committed) unless they are already there, and describes them as kernels whose "checksum" is
     * the probe's answer.
     *
     * @param dir the directory, e.g. jawa-bench/target/startup
     * @return the three pseudo-kernels, small first
     * @throws IOException when a file cannot be written
     */
    public static List<Kernel> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path small = dir.resolve("startup-small.wasm");
        Path large = dir.resolve("startup-large.wasm");
        Path compatible = dir.resolve("startup-large-chicory.wasm");
        if (!Files.isRegularFile(small)) {
            Files.write(small, BinaryEncoder.encode(withProbe(small())));
        }
        if (!Files.isRegularFile(large)) {
            Files.write(large, BinaryEncoder.encode(withProbe(LargeModuleGenerator.generate())));
        }
        if (!Files.isRegularFile(compatible)) {
            Files.write(compatible, BinaryEncoder.encode(withProbe(LargeModuleGenerator.generate(
                    LargeModuleGenerator.DEFAULT_SEED, LargeModuleGenerator.DEFAULT_CODE_BYTES, true))));
        }
        return List.of(kernel("small module", small), kernel("large module", large),
                kernel(LARGE_CHICORY_COMPATIBLE, compatible));
    }

    private static Kernel kernel(String name, Path file) {
        return new Kernel(name, file, 0, 0, Map.of(0L, (long) ANSWER));
    }

    /** One type, {@code (i32, i32) -> i32}, and a one-page memory; the probe is added after. */
    private static Module small() {
        return Module.builder()
                .addRecType(RecType.single(SubType.plain(
                        new FuncType(List.of(NumType.I32, NumType.I32), List.of(NumType.I32)))))
                .addMemory(new MemoryType(AddressType.I32, Limits.between(1, 1), false))
                .build();
    }

    /**
     * The module with one more function, the exported probe; type 0 must be {@code (i32, i32) ->
     * i32} (it is in both modules).
     */
    static Module withProbe(Module m) {
        InstructionWriter w = new InstructionWriter(8);
        w.op(Opcode.LOCAL_GET).u32(0);
        w.op(Opcode.LOCAL_GET).u32(1);
        w.op(Opcode.I32_ADD);
        w.op(Opcode.END);
        int index = m.funcCount();
        return m.toBuilder()
                .addFunction(new Function(0, List.of(), w.toExpr()))
                .addExport(new Export(PROBE, ExternKind.FUNC, index))
                .build();
    }
}
