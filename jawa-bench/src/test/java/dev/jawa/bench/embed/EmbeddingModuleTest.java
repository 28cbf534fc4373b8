package dev.jawa.bench.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Instance;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both engines run the microbenchmarks' module to the same, right answers. */
class EmbeddingModuleTest {

    @Test
    void loopResultIsTheRecurrence() {
        assertEquals(0, EmbeddingModule.loopResult(0));
        assertEquals(3, EmbeddingModule.loopResult(1));
        assertEquals(12, EmbeddingModule.loopResult(2));
        assertEquals(39, EmbeddingModule.loopResult(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"interp", "jit"})
    void jawaComputesTheAnswers(String tier) {
        Instance instance = JawaSetup.instantiate(tier);
        assertEquals(42, instance.function("add").call(40, 2)[0]);
        assertEquals(42, instance.function("add").apply(40, 2)[0]);
        assertEquals(42, instance.function("add").as(IntBinaryOperator.class).applyAsInt(40, 2));
        int n = EmbeddingModule.LOOP_CALLS;
        assertEquals(EmbeddingModule.loopResult(n), (int) instance.function("callHost").call(n)[0]);
        assertEquals(EmbeddingModule.loopResult(n), (int) instance.function("callWasm").call(n)[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"interpreter", "compiler"})
    void chicoryComputesTheAnswers(String mode) {
        var instance = ChicorySetup.instantiate(mode);
        assertEquals(42, instance.export("add").apply(40, 2)[0]);
        int n = EmbeddingModule.LOOP_CALLS;
        assertEquals(EmbeddingModule.loopResult(n), (int) instance.export("callHost").apply(n)[0]);
        assertEquals(EmbeddingModule.loopResult(n), (int) instance.export("callWasm").apply(n)[0]);
    }

    @Test
    void bothMemoriesReadBackWhatWasWritten() {
        var jawa = JawaSetup.instantiate("interp").memory("memory");
        var chicory = ChicorySetup.instantiate("interpreter").memory();
        byte[] data = {1, 2, 3, 4, 5};
        jawa.write(EmbeddingModule.BULK_ADDRESS, data, 0, data.length);
        chicory.write(EmbeddingModule.BULK_ADDRESS, data, 0, data.length);
        assertArrayEquals(data, jawa.read(EmbeddingModule.BULK_ADDRESS, data.length));
        assertArrayEquals(data, chicory.readBytes(EmbeddingModule.BULK_ADDRESS, data.length));
        assertEquals(0x04030201, jawa.readInt(EmbeddingModule.BULK_ADDRESS));
        assertEquals(0x04030201, chicory.readInt(EmbeddingModule.BULK_ADDRESS));
    }

    @Test
    void theBulkCopiesFitInTheMemory() {
        assertEquals(65536, JawaSetup.instantiate("interp").memory("memory").byteSize());
        // MemoryBenchmark copies up to 4096 bytes at BULK_ADDRESS.
        assertTrue(EmbeddingModule.BULK_ADDRESS + 4096 <= 65536);
    }
}
