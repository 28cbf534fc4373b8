package dev.jawa.bench.embed;

import com.dylibso.chicory.runtime.ExportFunction;
import dev.jawa.Function;
import dev.jawa.Instance;
import java.util.concurrent.TimeUnit;
import java.util.function.IntBinaryOperator;
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
 * Host-to-WebAssembly call overhead: Java calls the exported {@code add(i32, i32) -> i32} of
 * {@link EmbeddingModule}, whose own work is one addition, so the time is almost all the call's.
 *
 * <ul>
 *   <li>{@code jawaCall}: Jawa's generic {@code Function.call(long...)} (raw values in, a fresh
 *       {@code long[]} out);
 *   <li>{@code jawaApply}: Jawa's generic {@code Function.apply(Object...)} (boxed in and out);
 *   <li>{@code jawaTyped}: the function bound to {@link IntBinaryOperator} by {@code
 *       Function.as}, Jawa's typed form (a generated class; {@code Instance.bind} is the same);
 *   <li>{@code chicoryApply}: Chicory's {@code ExportFunction.apply(long...)}, its one way to call
 *       an export at run time (its typed wrappers are generated at build time and call the same
 *       method), in its interpreter and its compiler.
 * </ul>
 *
 * <p>Run: {@code java -jar jawa-bench/target/benchmarks.jar CallBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallBenchmark {

    /** Arguments that change, so that the JIT cannot fold a call's result. */
    @State(Scope.Thread)
    public static class Args {
        int x = 40;
        int y = 2;
    }

    /** A Jawa instance on one tier. */
    @State(Scope.Thread)
    public static class Jawa {
        @Param({"interp", "jit"})
        public String tier;

        Function add;
        IntBinaryOperator typed;

        @Setup
        public void setUp() {
            Instance instance = JawaSetup.instantiate(tier);
            add = instance.function("add");
            typed = add.as(IntBinaryOperator.class);
            EmbeddingModule.check("add.call", 42, add.call(40, 2)[0]);
            EmbeddingModule.check("add.apply", 42, (Integer) add.apply(40, 2)[0]);
            EmbeddingModule.check("typed add", 42, typed.applyAsInt(40, 2));
        }
    }

    /** A Chicory instance in one mode. */
    @State(Scope.Thread)
    public static class Chicory {
        @Param({"interpreter", "compiler"})
        public String mode;

        ExportFunction add;

        @Setup
        public void setUp() {
            add = ChicorySetup.instantiate(mode).export("add");
            EmbeddingModule.check("add.apply", 42, add.apply(40, 2)[0]);
        }
    }

    @Benchmark
    public long jawaCall(Jawa jawa, Args a) {
        return jawa.add.call(a.x, a.y)[0];
    }

    @Benchmark
    public Object jawaApply(Jawa jawa, Args a) {
        return jawa.add.apply(a.x, a.y)[0];
    }

    @Benchmark
    public int jawaTyped(Jawa jawa, Args a) {
        return jawa.typed.applyAsInt(a.x, a.y);
    }

    @Benchmark
    public long chicoryApply(Chicory chicory, Args a) {
        return chicory.add.apply(a.x, a.y)[0];
    }
}
