package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Tier;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dropped instances, modules and their generated classes are garbage: an engine that compiles
 * and instantiates modules over and over (a server, one instance per request) keeps nothing of
 * the ones it no longer references.
 */
class JitUnloadingTest {

    private static final String WAT = """
            (module (memory 1)
              (func (export "f") (param i32) (result i32)
                (i32.store (i32.const 0) (local.get 0))
                (i32.add (i32.load (i32.const 0)) (i32.const 1))))
            """;

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"JIT", "AUTO"})
    void droppedInstancesModulesAndClassesAreCollected(Tier tier) throws InterruptedException {
        Engine engine = new Engine(tier);
        List<WeakReference<Object>> refs = new ArrayList<>();
        CompiledModule shared = engine.compileText(WAT);
        for (int i = 0; i < 20; i++) {
            CompiledModule module = i % 2 == 0 ? shared : engine.compileText(WAT);
            Instance instance = module.instantiate();
            for (int k = 0; k < 3; k++) {
                assertEquals(i + 1, (int) instance.function("f").call(i)[0]);
            }
            refs.add(new WeakReference<>(instance));
            if (module != shared) {
                refs.add(new WeakReference<>(module.validated()));
            }
        }
        shared = null;
        long alive = refs.size();
        for (int round = 0; round < 100 && alive > 0; round++) {
            System.gc();
            Thread.sleep(10);
            alive = refs.stream().filter(r -> r.get() != null).count();
        }
        assertEquals(0, alive, "instances and modules still reachable after they were dropped");
    }
}
