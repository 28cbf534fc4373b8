package dev.jawa.bench;

import dev.jawa.Engine;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one call from Java into a tiny WebAssembly function ({@code i32.add}) through each
 * form of the embedding API: a typed binding ({@link Function#as}, a generated class that boxes
 * nothing), raw {@link Function#call(long...)} and boxed {@link Function#apply(Object...)}.
 * Run with {@code -prof gc} to see the allocation per call ({@code gc.alloc.rate.norm}).
 *
 * <p>Run: {@code ./mvnw -q -pl jawa-bench -am package -DskipTests && java -jar
 * jawa-bench/target/benchmarks.jar CallForms -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallFormsBenchmark {

    private Function add;
    private IntBinaryOperator bound;
    private int x;

    @Setup
    public void instantiate() {
        Instance instance = new Engine().compileText("""
                (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
                """).instantiate();
        add = instance.function("add");
        bound = add.as(IntBinaryOperator.class);
    }

    @Benchmark
    public int typedBinding() {
        return bound.applyAsInt(x++, 1);
    }

    @Benchmark
    public long rawCall() {
        return add.call(x++, 1)[0];
    }

    @Benchmark
    public Object boxedApply() {
        return add.apply(x++, 1)[0];
    }
}
