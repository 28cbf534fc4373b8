package dev.jawa.bench;

import dev.jawa.binary.BinaryDecoder;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.module.Module;
import dev.jawa.validate.ValidatedModule;
import dev.jawa.validate.Validator;
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
 * How fast Jawa makes a large module (see {@link LargeModuleGenerator}) ready to run:
 * {@code decodeAndValidate} reads it from bytes and validates it, {@code validate} validates the
 * already decoded module alone. Both count the module's encoded size, so their
 * {@code :megabytes} secondary results (see {@link Megabytes}) are MB/s of binary module, directly
 * comparable with {@link DecodeBenchmark}'s.
 *
 * <p>Run: {@code ./mvnw -q -pl jawa-bench -am package -DskipTests && java -jar
 * jawa-bench/target/benchmarks.jar DecodeValidate}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DecodeValidateBenchmark {

    /** The encoded module. */
    private byte[] bytes;
    /** The same module, decoded. */
    private Module module;

    @Setup(Level.Trial)
    public void prepareModule() {
        Module generated = LargeModuleGenerator.generate();
        bytes = BinaryEncoder.encode(generated);
        module = BinaryDecoder.decode(bytes);
        Validator.validate(module); // fail fast: a benchmark of an invalid module measures nothing
        System.out.printf("%nDecodeValidateBenchmark: %d functions, %.1f MB module%n", module.functions().size(),
                bytes.length / 1e6);
    }

    @Benchmark
    public ValidatedModule decodeAndValidate(Megabytes counter) {
        counter.megabytes += bytes.length / 1e6;
        return Validator.validate(BinaryDecoder.decode(bytes));
    }

    @Benchmark
    public ValidatedModule validate(Megabytes counter) {
        counter.megabytes += bytes.length / 1e6;
        return Validator.validate(module);
    }
}
