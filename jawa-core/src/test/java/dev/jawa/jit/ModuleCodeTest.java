package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.WasmException;
import java.lang.invoke.MethodType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Classes made when first needed: one the JVM rejects is reported, once, and never made again. */
class ModuleCodeTest {

    @Test
    void aRejectedClassStaysRejected() {
        int[] made = {0};
        ClassSource broken = new ClassSource() {
            @Override
            public List<Made> make(int part) {
                made[0]++;
                return List.of(new Made(part, new byte[] {1, 2, 3}, new int[0])); // not a class file
            }

            @Override
            public MethodType methodType(int funcIndex) {
                throw new AssertionError("no links");
            }
        };
        ModuleCode code = new ModuleCode(broken, 1, new int[] {0, 0}, new RuntimeException[2], new boolean[2], 0,
                new int[2][]);
        // Tier.AUTO asks whether a function was compiled: no, so it stays in the interpreter.
        assertFalse(code.compiled(0));
        assertFalse(code.compiled(1));
        // Tier.JIT asks for the method: the reason, as Jawa's exception.
        WasmException e = assertThrows(WasmException.class,
                () -> code.method(1, MethodType.methodType(void.class, JitContext.class)));
        assertTrue(e.getMessage().startsWith("the compiled code of this module was rejected"), e.getMessage());
        assertEquals(1, made[0], "the class was made once");
    }
}
