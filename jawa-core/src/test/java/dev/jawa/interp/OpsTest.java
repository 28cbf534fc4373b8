package dev.jawa.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.module.Opcode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The interpreter's operation numbers are derived from the one opcode table, never a second one. */
class OpsTest {

    @Test
    void everyOpcodeNamedConstantIsThatOpcodesOrdinal() throws IllegalAccessException {
        int named = 0;
        Set<Integer> values = new HashSet<>();
        for (Field f : Ops.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class || f.getName().equals("COUNT")) {
                continue;
            }
            int v = f.getInt(null);
            assertTrue(values.add(v), "two operations numbered " + v);
            Opcode op = opcode(f.getName());
            if (op != null) {
                assertEquals(op.ordinal(), v, f.getName());
                named++;
            } else {
                assertTrue(v > Ops.BR_ON_NON_NULL && v < Ops.COUNT, f.getName() + " must follow the opcode range");
            }
        }
        // Every opcode up to BR_ON_NON_NULL has its constant.
        assertEquals(Opcode.BR_ON_NON_NULL.ordinal() + 1, named);
    }

    private static Opcode opcode(String name) {
        try {
            return Opcode.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
