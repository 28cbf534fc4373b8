package dev.jawa.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jawa.Trap;
import dev.jawa.runtime.ModuleInstance;
import org.junit.jupiter.api.Test;

/**
 * The translator's fused forms compute what the instructions they replace compute, at the edges:
 * an address operand that wraps around 2^32 before the offset is added (so a constant cannot
 * simply join the offset), out-of-bounds traps located at the load, and counter steps.
 */
class FusedOperationsTest {

    // Body offsets (instructions only, after the local declarations):
    //   $local: 0 local.get 0 | 2 i32.const 8 | 4 i32.add | 5 i32.load offset=16
    //   $fma:   0 local.get 1 | 2 f64.const 1 | 11 f64.mul | 12 local.get 0 | 14 f64.load offset=8
    //           | 17 f64.mul | 18 local.get 0 | 20 i32.const 16 | 22 i32.add | 23 f64.load | 26 f64.add
    private static final String MODULE = """
            (module
              (memory 1)
              (func $local (export "local") (param i32) (result i32)
                local.get 0 i32.const 8 i32.add i32.load offset=16)
              (func (export "local64") (param i32) (result i64)
                local.get 0 i32.const -8 i32.add i64.load offset=8)
              (func (export "localU8") (param i32) (result i32)
                local.get 0 i32.const 3 i32.add i32.load8_u offset=1)
              (func (export "plainLocal") (param i32) (result i32)
                local.get 0 i32.load offset=4)
              (func (export "expr") (param i32) (result i32)
                local.get 0 i32.const 1 i32.mul i32.const 8 i32.add i32.load offset=16)
              (func (export "exprSub16s") (param i32) (result i32)
                local.get 0 i32.const 1 i32.mul i32.const 2 i32.sub i32.load16_s offset=2)
              (func (export "store") (param i32 i32) local.get 0 local.get 1 i32.store)
              (func $fma (export "fma") (param i32 f64) (result f64)
                local.get 1 f64.const 1 f64.mul local.get 0 f64.load offset=8 f64.mul
                local.get 0 i32.const 16 i32.add f64.load f64.add)
              (func (export "storeF") (param i32 f64) local.get 0 local.get 1 f64.store)
              (func (export "step") (param i32) (result i32) (local i32)
                local.get 0 i32.const 5 i32.add local.set 1
                local.get 1 i32.const -1 i32.add local.tee 0
                local.get 1 i32.add))
            """;

    private static ModuleInstance instance() {
        return InterpreterTest.instantiate(MODULE);
    }

    private static long call(ModuleInstance inst, String name, long... args) {
        return InterpreterTest.call(inst, name, args);
    }

    @Test
    void aLocalPlusAConstantLoadsFromTheWrappedAddressPlusTheOffset() {
        ModuleInstance inst = instance();
        call(inst, "store", 20, 0x1234_5678);
        call(inst, "store", 100, 0x0102_0304);
        call(inst, "store", 1000, 0xCAFE);
        assertEquals(0x1234_5678L, call(inst, "local", -4)); // (-4 + 8) mod 2^32 + 16 = 20
        assertEquals(0x0102_0304L, call(inst, "local", 76));
        assertEquals(0x0102_0304L, call(inst, "local64", 100) & 0xFFFF_FFFFL);
        assertEquals(0x04L, call(inst, "localU8", 96));
        assertEquals(0xCAFEL, call(inst, "plainLocal", 996));
        assertEquals(0x1234_5678L, call(inst, "expr", -4));
        assertEquals(0x5678L, call(inst, "exprSub16s", 20));
        assertEquals(0x1234L, call(inst, "exprSub16s", 22));
    }

    @Test
    void aWrappedAddressNearTheTopTrapsAtTheLoad() {
        ModuleInstance inst = instance();
        // -24 + 8 = 2^32 - 16, plus 16 = 2^32: out of bounds, not address 0.
        Trap t = assertThrows(Trap.class, () -> call(inst, "local", -24));
        assertEquals("out of bounds memory access", t.reason());
        assertEquals("local", t.wasmStackTrace().get(0).functionName());
        assertEquals(5, t.wasmStackTrace().get(0).codeOffset());
        assertEquals("out of bounds memory access",
                assertThrows(Trap.class, () -> call(inst, "expr", 65536 - 24 + 1)).reason());
        assertEquals("out of bounds memory access",
                assertThrows(Trap.class, () -> call(inst, "local64", 65536)).reason());
        assertEquals("out of bounds memory access",
                assertThrows(Trap.class, () -> call(inst, "exprSub16s", 65535)).reason());
    }

    @Test
    void f64ArithmeticTakesInTheLoadBeforeItAndTrapsAtThatLoad() {
        ModuleInstance inst = instance();
        call(inst, "storeF", 108, Double.doubleToRawLongBits(3.0));
        call(inst, "storeF", 116, Double.doubleToRawLongBits(0.5));
        assertEquals(6.5, Double.longBitsToDouble(call(inst, "fma", 100, Double.doubleToRawLongBits(2.0))));
        Trap second = assertThrows(Trap.class, () -> call(inst, "fma", 65536 - 16, 0));
        assertEquals("out of bounds memory access", second.reason());
        assertEquals(23, second.wasmStackTrace().get(0).codeOffset());
        Trap first = assertThrows(Trap.class, () -> call(inst, "fma", 65536 - 8 + 1, 0));
        assertEquals(14, first.wasmStackTrace().get(0).codeOffset());
    }

    @Test
    void counterStepsSetAndTeeTheirLocal() {
        ModuleInstance inst = instance();
        // local1 = p + 5; p = local1 - 1; result p + local1.
        assertEquals(10 + 5 + 10 + 4, call(inst, "step", 10));
        // Wrapping: (MIN + 3) + (MIN + 4) = 7 mod 2^32.
        assertEquals(7, call(inst, "step", Integer.MAX_VALUE));
    }
}
