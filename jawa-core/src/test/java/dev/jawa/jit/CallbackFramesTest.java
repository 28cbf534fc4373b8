package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertSame;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.Tier;
import dev.jawa.types.FuncType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A call that leaves the interpreter (to the host, or to compiled code in Tier.AUTO) and comes back
 * into it must not disturb the interpreted frames below: their references stay in place.
 */
class CallbackFramesTest {

    private static final String WAT = """
            (module
              (import "h" "back" (func $back))
              (func (export "keep") (param externref) (result externref)
                (call $back)
                (local.get 0))
              (func (export "inner") (result i32) (local externref) (i32.const 7)))
            """;

    @Test
    void referencesOfTheOuterFrameSurviveANestedCall() {
        for (Tier tier : List.of(Tier.INTERP, Tier.AUTO)) {
            Instance[] self = new Instance[1];
            Linker linker = new Linker().function("h", "back", new FuncType(List.of(), List.of()),
                    (values, refs) -> self[0].function("inner").call());
            self[0] = new Engine(tier).compileText(WAT).instantiate(linker);
            Object token = new dev.jawa.runtime.ExternRef(42);
            for (int k = 0; k < 3000; k++) {
                assertSame(token, self[0].function("keep").apply(token)[0], tier + " call " + k);
            }
        }
    }
}
