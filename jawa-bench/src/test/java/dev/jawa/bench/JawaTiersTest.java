package dev.jawa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every tier runs (interp, jit, auto); an unknown tier is named as such. */
class JawaTiersTest {

    @Test
    void theInterpreterRuns() {
        assertTrue(JawaTiers.unavailableReason("interp").isEmpty());
        assertEquals(5L, JawaTiers.engine("interp")
                .compileText("(module (func (export \"f\") (result i32) (i32.const 5)))")
                .instantiate().function("f").call()[0]);
    }

    @Test
    void theCompilerAndTieringRun() {
        for (String tier : new String[] {"jit", "auto"}) {
            assertTrue(JawaTiers.unavailableReason(tier).isEmpty());
            assertEquals(5L, JawaTiers.engine(tier)
                    .compileText("(module (func (export \"f\") (result i32) (i32.const 5)))")
                    .instantiate().function("f").call()[0]);
        }
    }

    @Test
    void anUnknownTierIsRefused() {
        assertTrue(JawaTiers.unavailableReason("turbo").orElseThrow().contains("unknown Jawa tier turbo"));
        assertThrows(IllegalArgumentException.class, () -> JawaTiers.engine("turbo"));
    }

    @Test
    void everyTierEitherRunsOrSaysWhyNot() {
        for (String tier : JawaTiers.ALL) {
            if (JawaTiers.unavailableReason(tier).isPresent()) {
                assertThrows(IllegalArgumentException.class, () -> JawaTiers.engine(tier));
            } else {
                assertEquals(5L, JawaTiers.engine(tier)
                        .compileText("(module (func (export \"f\") (result i32) (i32.const 5)))")
                        .instantiate().function("f").call()[0]);
            }
        }
    }
}
