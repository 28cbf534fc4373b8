package dev.jawa.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.module.Export;
import dev.jawa.module.Module;
import dev.jawa.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Jawa reads what clang writes: every committed kernel module decodes and validates. */
class KernelModulesValidateTest {

    /** Surefire runs in the module's directory. */
    private static final Path KERNELS = Path.of("kernels");

    @TestFactory
    Stream<DynamicTest> everyKernelModuleDecodesAndValidates() {
        return KernelCatalog.load(KERNELS).stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            Module m = BinaryDecoder.decode(Files.readAllBytes(k.wasm()));
            Validator.validate(m);
            // A WASI command: it exports _start and its memory, and imports only WASI preview 1.
            Set<String> exports = m.exports().stream().map(Export::name).collect(Collectors.toSet());
            assertTrue(exports.containsAll(Set.of("_start", "memory")), "exports: " + exports);
            assertFalse(m.functions().isEmpty());
            m.imports().forEach(i -> assertEquals("wasi_snapshot_preview1", i.module(), i.name()));
        }));
    }

    @Test
    void everySourceHasAModuleAndSizesAndTheListsAgree() throws IOException {
        Set<String> sources;
        try (Stream<Path> s = Files.list(KERNELS.resolve("src"))) {
            sources = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c"))
                    .map(n -> n.substring(0, n.length() - 2)).collect(Collectors.toCollection(TreeSet::new));
        }
        List<Kernel> kernels = KernelCatalog.load(KERNELS);
        assertEquals(sources, kernels.stream().map(Kernel::name).collect(Collectors.toCollection(TreeSet::new)));
        assertTrue(kernels.size() >= 12, "at least 12 kernels: " + kernels.size());
        for (Kernel k : kernels) {
            assertTrue(Files.isRegularFile(k.wasm()), "missing " + k.wasm());
            assertTrue(k.quickSize() <= k.fullSize(), k.name());
        }
    }
}
