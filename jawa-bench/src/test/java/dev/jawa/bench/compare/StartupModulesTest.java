package dev.jawa.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.module.Export;
import dev.jawa.module.ExternKind;
import dev.jawa.module.Module;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The startup modules are valid, export the probe with the right type, and the large one is large. */
class StartupModulesTest {

    @Test
    void theModulesValidateAndExportTheProbe(@TempDir Path dir) throws Exception {
        List<Kernel> modules = StartupModules.write(dir);
        assertEquals(List.of("small module", "large module", StartupModules.LARGE_CHICORY_COMPATIBLE),
                modules.stream().map(Kernel::name).toList());
        for (Kernel k : modules) {
            assertEquals((long) StartupModules.ANSWER, k.expected().get(0L));
            Module m = BinaryDecoder.decode(Files.readAllBytes(k.wasm()));
            Validator.validate(m);
            Export probe = m.exports().stream().filter(e -> e.name().equals(StartupModules.PROBE))
                    .findFirst().orElseThrow();
            assertEquals(ExternKind.FUNC, probe.kind());
            FuncType type = m.funcType(m.funcTypeIndex(probe.index()));
            assertEquals(List.of(NumType.I32, NumType.I32), type.params());
            assertEquals(List.of(NumType.I32), type.results());
        }
        assertTrue(Files.size(modules.get(1).wasm()) > 10_000_000, "the large module has more than 10 MB");
        assertTrue(Files.size(modules.get(2).wasm()) > 10_000_000, "the compatible one too");
        // What Chicory 1.7.5's compiler gets wrong: a two-slot parameter before another parameter.
        Module large = BinaryDecoder.decode(Files.readAllBytes(modules.get(1).wasm()));
        Module compatible = BinaryDecoder.decode(Files.readAllBytes(modules.get(2).wasm()));
        assertTrue(java.util.stream.IntStream.range(0, large.typeCount())
                .anyMatch(t -> wideBeforeLast(large.type(t))));
        assertTrue(java.util.stream.IntStream.range(0, compatible.typeCount())
                .noneMatch(t -> wideBeforeLast(compatible.type(t))));
        assertTrue(Files.size(modules.get(0).wasm()) < 100);
    }

    /** Whether a function type has an i64 or f64 parameter before its last parameter. */
    private static boolean wideBeforeLast(dev.jawa.types.SubType type) {
        if (!(type.composite() instanceof FuncType f)) {
            return false;
        }
        List<dev.jawa.types.ValType> p = f.params();
        return p.subList(0, Math.max(0, p.size() - 1)).stream()
                .anyMatch(t -> t == NumType.I64 || t == NumType.F64);
    }
}
