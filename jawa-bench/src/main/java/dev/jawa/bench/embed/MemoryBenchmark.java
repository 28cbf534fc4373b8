package dev.jawa.bench.embed;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and writing an instance's linear memory from Java, through each engine's memory API:
 * single i32 loads and stores at changing addresses ({@code *ReadInt}, {@code *WriteInt}), and
 * bulk copies of {@code bytes} bytes between the memory and a Java array ({@code *ReadBytes} into
 * a fresh array, {@code jawaReadInto} into an existing one, which Chicory's API has no form for,
 * and {@code *WriteBytes}). Every access is bounds-checked by the engine. The memory API does not
 * depend on the execution tier in either engine, so there is one instance of each.
 *
 * <p>Run: {@code java -jar jawa-bench/target/benchmarks.jar MemoryBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MemoryBenchmark {

    /** The two engines' memories (of the same module) and a moving address. */
    @State(Scope.Thread)
    public static class Memories {
        dev.jawa.runtime.Memory jawa;
        com.dylibso.chicory.runtime.Memory chicory;
        int address;

        @Setup
        public void setUp() {
            jawa = JawaSetup.instantiate("interp").memory("memory");
            chicory = ChicorySetup.instantiate("interpreter").memory();
            jawa.writeInt(12, 0x12345678);
            EmbeddingModule.check("Jawa readInt", 0x12345678, jawa.readInt(12));
            chicory.writeI32(12, 0x12345678);
            EmbeddingModule.check("Chicory readInt", 0x12345678, chicory.readInt(12));
        }

        /** The next aligned address in the first KiB, so that loads and stores cannot be hoisted. */
        int next() {
            address = (address + 4) & 0x3FC;
            return address;
        }
    }

    /** A Java array for the bulk copies. */
    @State(Scope.Thread)
    public static class Buffer {
        @Param({"64", "4096"})
        public int bytes;

        byte[] data;

        @Setup
        public void setUp() {
            data = new byte[bytes];
            for (int i = 0; i < bytes; i++) {
                data[i] = (byte) (i * 31);
            }
        }
    }

    @Benchmark
    public int jawaReadInt(Memories m) {
        return m.jawa.readInt(m.next());
    }

    @Benchmark
    public int chicoryReadInt(Memories m) {
        return m.chicory.readInt(m.next());
    }

    @Benchmark
    public void jawaWriteInt(Memories m) {
        int a = m.next();
        m.jawa.writeInt(a, a);
    }

    @Benchmark
    public void chicoryWriteInt(Memories m) {
        int a = m.next();
        m.chicory.writeI32(a, a);
    }

    @Benchmark
    public byte[] jawaReadBytes(Memories m, Buffer b) {
        return m.jawa.read(EmbeddingModule.BULK_ADDRESS, b.bytes);
    }

    @Benchmark
    public byte[] jawaReadInto(Memories m, Buffer b) {
        m.jawa.read(EmbeddingModule.BULK_ADDRESS, b.data, 0, b.bytes);
        return b.data;
    }

    @Benchmark
    public byte[] chicoryReadBytes(Memories m, Buffer b) {
        return m.chicory.readBytes(EmbeddingModule.BULK_ADDRESS, b.bytes);
    }

    @Benchmark
    public void jawaWriteBytes(Memories m, Buffer b) {
        m.jawa.write(EmbeddingModule.BULK_ADDRESS, b.data, 0, b.bytes);
    }

    @Benchmark
    public void chicoryWriteBytes(Memories m, Buffer b) {
        m.chicory.write(EmbeddingModule.BULK_ADDRESS, b.data, 0, b.bytes);
    }
}
