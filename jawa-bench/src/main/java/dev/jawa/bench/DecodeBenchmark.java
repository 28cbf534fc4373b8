package dev.jawa.bench;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.module.Module;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast {@link BinaryDecoder#decode} reads a large module (see {@link LargeModuleGenerator}).
 *
 * <p>Throughput mode: the primary result {@code decode} is in modules per second, and the
 * secondary result {@code decode:megabytes} is in MB/s (10^6 bytes per second; see
 * {@link Megabytes}). {@link DecodeValidateBenchmark} adds validation.
 *
 * <p>Run: {@code ./mvnw -q -pl jawa-bench -am package -DskipTests && java -jar
 * jawa-bench/target/benchmarks.jar Decode}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DecodeBenchmark {

    /** The encoded module. */
    private byte[] module;

    @Setup(Level.Trial)
    public void encodeModule() {
        Module m = LargeModuleGenerator.generate();
        module = BinaryEncoder.encode(m);
        System.out.printf("%nDecodeBenchmark: %d functions, %.1f MB module%n", m.functions().size(),
                module.length / 1e6);
    }

    @Benchmark
    public Module decode(Megabytes bytes) {
        bytes.megabytes += module.length / 1e6;
        return BinaryDecoder.decode(module);
    }
}
