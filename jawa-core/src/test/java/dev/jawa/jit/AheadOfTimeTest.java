package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.MalformedModuleException;
import dev.jawa.Tier;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.text.TextParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ahead-of-time archives and the code cache: stored code is loaded, not compiled again. */
class AheadOfTimeTest {

    private static byte[] module(int salt) {
        return BinaryEncoder.encode(TextParser.parseModule("""
                (module
                  (func $fib (export "fib") (param i32) (result i32)
                    (if (result i32) (i32.lt_s (local.get 0) (i32.const 2)) (then (local.get 0))
                      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
                  (func (export "salt") (result i32) (i32.const %d)))
                """.formatted(salt)));
    }

    @Test
    void anArchiveRunsWithoutCompiling(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("fib.jar");
        AotArchive.write(module(1), jar);
        for (Tier tier : List.of(Tier.JIT, Tier.AUTO)) {
            CompiledModule m = new Engine(tier).load(jar);
            // The code is there before any call: it came from the archive.
            assertTrue(AotArchive.hasCode(m.validated()), tier.toString());
            var i = m.instantiate();
            assertEquals(6765, i.function("fib").call(20)[0]);
            assertEquals(1, i.function("salt").call()[0]);
        }
    }

    @Test
    void aBinaryModuleLoadsToo(@TempDir Path dir) throws IOException {
        Path wasm = dir.resolve("fib.wasm");
        Files.write(wasm, module(2));
        CompiledModule m = new Engine(Tier.INTERP).load(wasm);
        assertFalse(AotArchive.hasCode(m.validated()));
        assertEquals(55, m.instantiate().function("fib").call(10)[0]);
    }

    @Test
    void damagedArchivesAreMalformedOrRecompiled(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("fib.jar");
        AotArchive.write(module(3), jar);
        byte[] good = Files.readAllBytes(jar);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 3);
        Files.write(jar, truncated);
        assertThrows(MalformedModuleException.class, () -> new Engine(Tier.JIT).load(jar));
        Files.write(jar, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertThrows(MalformedModuleException.class, () -> new Engine(Tier.JIT).load(jar));
    }

    @Test
    void theCacheServesTheSecondStart(@TempDir Path dir) {
        String before = System.getProperty(CodeCache.DIRECTORY_PROPERTY);
        System.setProperty(CodeCache.DIRECTORY_PROPERTY, dir.toString());
        try {
            byte[] wasm = module(4);
            long hits = CodeCache.HITS.get();
            assertEquals(832040, new Engine(Tier.JIT).compile(wasm).instantiate().function("fib").call(30)[0]);
            assertEquals(1, files(dir));
            assertEquals(hits, CodeCache.HITS.get());
            // A new module object from the same bytes: its code comes from the cache.
            assertEquals(4, new Engine(Tier.JIT).compile(wasm).instantiate().function("salt").call()[0]);
            assertEquals(hits + 1, CodeCache.HITS.get());
            // Other bytes, another entry.
            assertEquals(5, new Engine(Tier.JIT).compile(module(5)).instantiate().function("salt").call()[0]);
            assertEquals(2, files(dir));
        } finally {
            if (before == null) {
                System.clearProperty(CodeCache.DIRECTORY_PROPERTY);
            } else {
                System.setProperty(CodeCache.DIRECTORY_PROPERTY, before);
            }
        }
    }

    private static long files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jawac")).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
