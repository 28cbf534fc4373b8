package dev.jawa.bench.compare;

import dev.jawa.Engine;
import dev.jawa.Function;
import dev.jawa.Instance;
import dev.jawa.Tier;

/**
 * A generated function of about 1 MB of code (one loop whose body is arithmetic on locals, memory
 * stores and loads; every 20 groups form an inner loop that runs 50 times, so the hot code is
 * compact enough for the instruction cache, as in real programs), run on the interpreter and on the compiler tier
 * side by side: the compiler splits it into methods HotSpot compiles, so it must run at compiled
 * speed. Prints the code size, each tier's first-call time (compiling included) and its steady
 * time per iteration of the loop, and the ratio.
 *
 * <p>Run: {@code ./mvnw -q -B -o -pl jawa-bench -am package -DskipTests} then
 * {@code java -cp "jawa-bench/target/classes:jawa-core/target/classes:jawa-wasi/target/classes"
 * dev.jawa.bench.compare.HugeFunctionMain [groups [jit-iterations]]} (the default, 22,000 groups,
 * is about 1 MB; 400 iterations per timed run, so that HotSpot compiles every piece with C2).
 */
public final class HugeFunctionMain {

    /** Groups per inner loop, and how many times each inner loop runs. */
    private static final int INNER = 20;
    private static final int REPEAT = 50;

    private HugeFunctionMain() {
    }

    public static void main(String[] args) {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 22_000;
        String wat = wat(groups);
        int size = new Engine(Tier.INTERP).compileText(wat).instantiate().runtime().module().module()
                .functions().get(0).body().length();
        System.out.printf("function code: %,d bytes of WebAssembly (%,d groups)%n", size, groups);
        int jitIterations = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        long interp = measure("interp", new Engine(Tier.INTERP), wat, 2);
        long jit = measure("jit", new Engine(Tier.JIT), wat, jitIterations);
        System.out.printf("interp / jit time per iteration: %.1fx%n", (double) interp / jit);
    }

    /** Prints and returns the steady time of one loop iteration in nanoseconds (best of 5 runs). */
    private static long measure(String name, Engine engine, String wat, int iterations) {
        long t0 = System.nanoTime();
        Instance instance = engine.compileText(wat).instantiate();
        Function run = instance.function("run");
        Object first = run.call(1)[0];
        long firstCall = System.nanoTime() - t0;
        long best = Long.MAX_VALUE;
        Object result = null;
        StringBuilder reps = new StringBuilder();
        for (int rep = 0; rep < 5; rep++) {
            long s = System.nanoTime();
            result = run.call(iterations)[0];
            long per = (System.nanoTime() - s) / iterations;
            reps.append(' ').append(per / 1000);
            best = Math.min(best, per);
        }
        System.out.println(name + " us per iteration, each run:" + reps);
        System.out.printf("%-6s first call %,d ms (result %s); %,d ns per iteration (result %s)%n",
                name, firstCall / 1_000_000, first, best, result);
        return best;
    }

    /** The module: {@code run(n)} loops n times over {@code groups} groups of work. */
    static String wat(int groups) {
        StringBuilder sb = new StringBuilder(groups * 400);
        sb.append("(module (memory 1)\n (func (export \"run\") (param $n i32) (result i64)\n")
                .append("  (local $i i32) (local $a i32) (local $b i32) (local $c i64) (local $d f64) (local $k i32)\n")
                .append("  (local.set $b (i32.const 7))\n")
                .append("  (block $done (loop $l\n")
                .append("   (br_if $done (i32.ge_u (local.get $i) (local.get $n)))\n");
        for (int g = 0; g < groups; g++) {
            if (g % INNER == 0) {
                sb.append("   (local.set $k (i32.const 0)) (block (loop $y\n");
            }
            sb.append("   (local.set $a (i32.add (local.get $a) (i32.mul (local.get $b) (i32.const ")
                    .append(g * 31 + 1).append("))))\n")
                    .append("   (local.set $c (i64.xor (i64.rotl (local.get $c) (i64.const 5)) (i64.extend_i32_u (local.get $a))))\n")
                    .append("   (i32.store offset=").append((g % 1000) * 8).append(" (i32.const 0) (local.get $a))\n")
                    .append("   (local.set $b (i32.add (i32.load offset=").append(((g * 7) % 1000) * 8)
                    .append(" (i32.const 0)) (i32.const 1)))\n")
                    .append("   (local.set $d (f64.add (local.get $d) (f64.convert_i32_s (local.get $b))))\n");
            if (g % INNER == INNER - 1) {
                // Closes the inner loop over the last INNER groups: it runs REPEAT times.
                sb.append("   (br_if $y (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (i32.const ")
                        .append(REPEAT).append(")))))\n")
                        .append("   (if (i32.and (local.get $a) (i32.const 1)) (then (local.set $b (i32.xor (local.get $b) (i32.const ")
                        .append(g).append(")))) (else (local.set $c (i64.add (local.get $c) (i64.const 3)))))\n");
            }
        }
        if (groups % INNER != 0) {
            sb.append("   (br_if $y (i32.lt_u (local.tee $k (i32.add (local.get $k) (i32.const 1))) (i32.const ")
                    .append(REPEAT).append(")))))\n");
        }
        sb.append("   (local.set $i (i32.add (local.get $i) (i32.const 1)))\n")
                .append("   (br $l)))\n")
                .append("  (i64.add (local.get $c) (i64.add (i64.extend_i32_u (local.get $a)) (i64.trunc_sat_f64_s (local.get $d))))))\n");
        return sb.toString();
    }
}
