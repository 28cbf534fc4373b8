package dev.jawa.bench.compare;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.Tier;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.bench.LargeModuleGenerator;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import java.util.List;

/**
 * A by-hand measurement of Tier.AUTO's startup on the large generated module (more than 10 MB of
 * code): time from the module's bytes to the first call of the probe returning, in one tier, in
 * a fresh JVM. Then, in the same run, how long until a function called in a loop runs compiled.
 *
 * <pre>
 * java -cp jawa-core/target/classes:jawa-bench/target/classes \
 *     dev.jawa.bench.compare.TieringStartupMain auto
 * </pre>
 */
public final class TieringStartupMain {

    private TieringStartupMain() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the tier (interp, jit or auto; default auto)
     */
    public static void main(String[] args) {
        Tier tier = Tier.parse(args.length > 0 ? args[0] : "auto");
        byte[] bytes = BinaryEncoder.encode(StartupModules.withProbe(LargeModuleGenerator.generate()));
        Linker linker = new Linker()
                .function("env", "combine", new FuncType(List.of(NumType.I32, NumType.I32), List.of(NumType.I32)),
                        (v, r) -> v[0] = (int) v[0] ^ (int) v[1])
                .function("env", "log", new FuncType(List.of(NumType.I32), List.of()), (v, r) -> { })
                .function("env", "blend", new FuncType(List.of(NumType.I64, NumType.F64), List.of(NumType.F64)),
                        (v, r) -> { });

        long start = System.nanoTime();
        CompiledModule module = new Engine(tier).compile(bytes);
        long compiled = System.nanoTime();
        Instance instance = module.instantiate(linker);
        long instantiated = System.nanoTime();
        long answer = instance.function(StartupModules.PROBE).call(40, 2)[0];
        long called = System.nanoTime();
        System.out.printf("%s: %.1f MB module; decode+validate %d ms, instantiate %d ms, first call %d ms:"
                + " bytes to first result %d ms (answer %d)%n", tier, bytes.length / 1e6, ms(compiled - start),
                ms(instantiated - compiled), ms(called - instantiated), ms(called - start), answer);

        // Then a hot function: calls until its calls run compiled code (auto only).
        if (tier == Tier.AUTO) {
            dev.jawa.Function probe = instance.function(StartupModules.PROBE);
            long t = System.nanoTime();
            long calls = 0;
            dev.jawa.runtime.WasmFunction f = (dev.jawa.runtime.WasmFunction) instance.runtime().export(StartupModules.PROBE);
            while (f.compiledCode == null && System.nanoTime() - t < 120_000_000_000L) {
                probe.call(40, 2);
                calls++;
            }
            System.out.printf("auto: the probe ran compiled after %d ms and %d calls (%s)%n", ms(System.nanoTime() - t),
                    calls, f.compiledCode);
        }
    }

    private static long ms(long ns) {
        return ns / 1_000_000;
    }
}
