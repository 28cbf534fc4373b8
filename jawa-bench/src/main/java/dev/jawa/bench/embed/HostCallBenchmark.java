package dev.jawa.bench.embed;

import com.dylibso.chicory.runtime.ExportFunction;
import dev.jawa.Function;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WebAssembly-to-host call overhead: a WebAssembly loop calls the imported Java function {@code
 * inc(i32) -> i32} {@value EmbeddingModule#LOOP_CALLS} times per invocation ({@code *HostCalls}),
 * multiplying each result by 3: a recurrence that no optimizer folds, so every iteration runs
 * (a compiler may still inline the call); for Jawa, once with {@code inc} defined on raw value
 * arrays ({@code jawaHostCalls}) and once as a typed {@code IntUnaryOperator}
 * ({@code jawaTypedHostCalls});
 * the same loop calling a WebAssembly function with the same body ({@code *WasmCalls}) shows what
 * the loop and an ordinary call cost, so the difference is the price of crossing into Java. Times
 * are per call.
 *
 * <p>Run: {@code java -jar jawa-bench/target/benchmarks.jar HostCallBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OperationsPerInvocation(EmbeddingModule.LOOP_CALLS)
public class HostCallBenchmark {

    private static final int N = EmbeddingModule.LOOP_CALLS;
    private static final int EXPECTED = EmbeddingModule.loopResult(N);

    /** A Jawa instance on one tier. */
    @State(Scope.Thread)
    public static class Jawa {
        @Param({"interp", "jit"})
        public String tier;

        Function callHost;
        Function callTypedHost;
        Function callWasm;

        @Setup
        public void setUp() {
            var instance = JawaSetup.instantiate(tier);
            callHost = instance.function("callHost");
            callTypedHost = JawaSetup.instantiateTyped(tier).function("callHost");
            callWasm = instance.function("callWasm");
            EmbeddingModule.check("callHost", EXPECTED, (int) callHost.call(N)[0]);
            EmbeddingModule.check("callHost (typed)", EXPECTED, (int) callTypedHost.call(N)[0]);
            EmbeddingModule.check("callWasm", EXPECTED, (int) callWasm.call(N)[0]);
        }
    }

    /** A Chicory instance in one mode. */
    @State(Scope.Thread)
    public static class Chicory {
        @Param({"interpreter", "compiler"})
        public String mode;

        ExportFunction callHost;
        ExportFunction callWasm;

        @Setup
        public void setUp() {
            var instance = ChicorySetup.instantiate(mode);
            callHost = instance.export("callHost");
            callWasm = instance.export("callWasm");
            EmbeddingModule.check("callHost", EXPECTED, (int) callHost.apply(N)[0]);
            EmbeddingModule.check("callWasm", EXPECTED, (int) callWasm.apply(N)[0]);
        }
    }

    @Benchmark
    public long jawaHostCalls(Jawa jawa) {
        return jawa.callHost.call(N)[0];
    }

    @Benchmark
    public long jawaTypedHostCalls(Jawa jawa) {
        return jawa.callTypedHost.call(N)[0];
    }

    @Benchmark
    public long jawaWasmCalls(Jawa jawa) {
        return jawa.callWasm.call(N)[0];
    }

    @Benchmark
    public long chicoryHostCalls(Chicory chicory) {
        return chicory.callHost.apply(N)[0];
    }

    @Benchmark
    public long chicoryWasmCalls(Chicory chicory) {
        return chicory.callWasm.apply(N)[0];
    }
}
