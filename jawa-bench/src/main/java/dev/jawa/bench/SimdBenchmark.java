package dev.jawa.bench;

import dev.jawa.Engine;
import dev.jawa.Function;
import dev.jawa.Tier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of v128 instructions in compiled code: one pass over 4 KiB of memory, 128 steps each
 * doing two v128 loads, two applications of {@link #op} and a v128 store, with the accumulator
 * carried from step to step (the shape of an auto-vectorized reduction). {@code scalar} does the
 * same with i32 loads, adds and stores (a quarter of the lanes), as the baseline the SIMD forms
 * should beat per lane. The score is microseconds per pass (128 steps).
 *
 * <p>Run: {@code ./mvnw -q -pl jawa-bench -am package -DskipTests && java -jar
 * jawa-bench/target/benchmarks.jar Simd}; add {@code -p tier=interp} for the interpreter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SimdBenchmark {

    /** The instruction applied twice per step, or {@code scalar}. */
    @Param({"scalar", "i32x4.add", "i16x8.add", "f32x4.mul", "f64x2.add", "i32x4.min_s", "i8x16.min_u", "f32x4.max"})
    public String op;

    /** The execution tier. */
    @Param({"jit"})
    public String tier;

    private Function pass;

    @Setup(Level.Trial)
    public void compile() {
        pass = new Engine(Tier.parse(tier)).compileText(module(op)).instantiate().function("pass");
    }

    @Benchmark
    public long[] onePass() {
        return pass.call();
    }

    static String module(String op) {
        if (op.equals("scalar")) {
            return """
                    (module (memory 1) (global $acc (mut i32) (i32.const 0))
                      (func (export "pass") (result i32) (local $j i32) (local $acc i32)
                        (local.set $acc (global.get $acc))
                        (loop $step
                          (local.set $acc (i32.add (local.get $acc)
                            (i32.add (i32.load (local.get $j)) (i32.load offset=16 (local.get $j)))))
                          (i32.store offset=8192 (local.get $j) (local.get $acc))
                          (br_if $step (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 32))) (i32.const 4096))))
                        (global.set $acc (local.get $acc))
                        (local.get $acc)))
                    """;
        }
        return """
                (module (memory 1) (global $acc (mut v128) (v128.const i64x2 0 0))
                  (func (export "pass") (result i32) (local $j i32) (local $acc v128)
                    (local.set $acc (global.get $acc))
                    (loop $step
                      (local.set $acc (OP (local.get $acc)
                        (OP (v128.load (local.get $j)) (v128.load offset=16 (local.get $j)))))
                      (v128.store offset=8192 (local.get $j) (local.get $acc))
                      (br_if $step (i32.lt_u (local.tee $j (i32.add (local.get $j) (i32.const 32))) (i32.const 4096))))
                    (global.set $acc (local.get $acc))
                    (i32x4.extract_lane 0 (local.get $acc))))
                """.replace("OP", op);
    }
}
