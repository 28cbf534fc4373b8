package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.Tier;
import dev.jawa.Trap;
import dev.jawa.runtime.WasmFunction;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compiler tier end to end: modules compiled to JVM bytecode and called through the API. */
class JitTierTest {

    private static Instance instance(String wat) {
        return new Engine(Tier.JIT).compileText(wat).instantiate();
    }

    @Test
    void recursionLoopsAndLocals() {
        Instance i = instance("""
                (module
                  (func $fac (export "fac") (param i64) (result i64)
                    (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 1))
                      (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
                  (func (export "sum") (param i32) (result i32) (local i32)
                    (block $done (loop $l
                      (br_if $done (i32.eqz (local.get 0)))
                      (local.set 1 (i32.add (local.get 1) (local.get 0)))
                      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                      (br $l)))
                    (local.get 1)))
                """);
        assertEquals(2432902008176640000L, i.function("fac").call(20)[0]);
        assertEquals(5050, i.function("sum").call(100)[0]);
        // The function really is compiled: its tier code is the compiler's.
        WasmFunction f = (WasmFunction) i.runtime().export("sum");
        assertTrue(f.tierCode instanceof JitFunction);
    }

    @Test
    void branchesCarryValuesOverExtraStackValues() {
        Instance i = instance("""
                (module
                  (func (export "f") (param i32) (result i32)
                    (i32.add (i32.const 100)
                      (block (result i32)
                        (i32.const 7)
                        (i32.const 1000)
                        (br_if 0 (i32.const 5) (local.get 0))
                        (drop) (drop) (drop) (i32.const 9))))
                  (func (export "table") (param i32) (result i32)
                    (block (block (block (br_table 0 1 2 (local.get 0)))
                      (return (i32.const 10)))
                      (return (i32.const 11)))
                    (i32.const 12))
                  (func (export "select") (param i32 i64 i64) (result i64)
                    (select (local.get 1) (local.get 2) (local.get 0))))
                """);
        assertEquals(105, i.function("f").call(1)[0]);
        assertEquals(109, i.function("f").call(0)[0]);
        assertEquals(10, i.function("table").call(0)[0]);
        assertEquals(11, i.function("table").call(1)[0]);
        assertEquals(12, i.function("table").call(7)[0]);
        assertEquals(3L, i.function("select").call(1, 3, 4)[0]);
        assertEquals(4L, i.function("select").call(0, 3, 4)[0]);
    }

    @Test
    void memoryGlobalsAndMultiValue() {
        Instance i = instance("""
                (module
                  (memory 1)
                  (global $g (mut f64) (f64.const 1.5))
                  (func (export "store") (param i32 i64) (i64.store offset=4 (local.get 0) (local.get 1)))
                  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
                  (func (export "bump") (result f64)
                    (global.set $g (f64.add (global.get $g) (f64.const 1)))
                    (global.get $g))
                  (func $swap (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))
                  (func (export "swap") (param i32 i64) (result i64 i32) (call $swap (local.get 0) (local.get 1))))
                """);
        i.function("store").call(0, 0x1122334455667788L);
        assertEquals(0x88, i.function("load8").call(4)[0]);
        assertEquals(0x11, i.function("load8").call(11)[0]);
        Trap oob = assertThrows(Trap.class, () -> i.function("load8").call(65536));
        assertEquals("out of bounds memory access", oob.reason());
        assertEquals(1, i.function("grow").call(1)[0]);
        assertEquals(0, i.function("load8").call(65536)[0]);
        assertEquals(Double.doubleToRawLongBits(2.5), i.function("bump").call()[0]);
        assertArrayEquals(new long[] {9, 4}, i.function("swap").call(4, 9));
    }

    @Test
    void trapsKeepTheirSpecMessages() {
        Instance i = instance("""
                (module
                  (type $t (func (result i32)))
                  (table 2 funcref)
                  (elem (i32.const 0) $one)
                  (func $one (result i32) (i32.const 1))
                  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
                  (func (export "trunc") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
                  (func (export "indirect") (param i32) (result i32) (call_indirect (type $t) (local.get 0)))
                  (func (export "unreachable") unreachable)
                  (func $deep (export "deep") (param i32) (result i32) (call $deep (i32.add (local.get 0) (i32.const 1)))))
                """);
        assertEquals("integer divide by zero", assertThrows(Trap.class, () -> i.function("div").call(1, 0)).reason());
        assertEquals("integer overflow", assertThrows(Trap.class,
                () -> i.function("div").call(Integer.MIN_VALUE, -1)).reason());
        assertEquals("invalid conversion to integer", assertThrows(Trap.class,
                () -> i.function("trunc").call(Float.floatToRawIntBits(Float.NaN))).reason());
        assertEquals(1, i.function("indirect").call(0)[0]);
        assertTrue(assertThrows(Trap.class, () -> i.function("indirect").call(1)).reason().startsWith("uninitialized element"));
        assertEquals("undefined element", assertThrows(Trap.class, () -> i.function("indirect").call(2)).reason());
        assertEquals("unreachable", assertThrows(Trap.class, () -> i.function("unreachable").call()).reason());
        assertEquals("call stack exhausted", assertThrows(Trap.class, () -> i.function("deep").call(0)).reason());
        // The engine is still fine after the stack overflow.
        assertEquals(1, i.function("indirect").call(0)[0]);
    }

    @Test
    void trapsCarryTheWebAssemblyStackTrace() {
        Instance inst = instance("""
                (module
                  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
                  (func $outer (export "outer") (param i32) (result i32) (call $inner (local.get 0))))
                """);
        Trap t = assertThrows(Trap.class, () -> inst.function("outer").call(0));
        assertEquals("integer divide by zero", t.reason());
        assertEquals(2, t.wasmStackTrace().size());
        assertEquals(0, t.wasmStackTrace().get(0).functionIndex());
        assertEquals(1, t.wasmStackTrace().get(1).functionIndex());
    }

    @Test
    void tailCallsRunInConstantStack() {
        Instance i = instance("""
                (module
                  (type $t (func (param i64 i64) (result i64)))
                  (table funcref (elem $even $odd))
                  (func $even (export "even") (param i64 i64) (result i64)
                    (if (result i64) (i64.eqz (local.get 0)) (then (local.get 1))
                      (else (return_call_indirect (type $t) (i64.sub (local.get 0) (i64.const 1))
                        (i64.add (local.get 1) (i64.const 1)) (i32.const 1)))))
                  (func $odd (param i64 i64) (result i64)
                    (if (result i64) (i64.eqz (local.get 0)) (then (i64.const -1))
                      (else (return_call $even (i64.sub (local.get 0) (i64.const 1)) (local.get 1))))))
                """);
        // Far deeper than any JVM stack: only constant-stack tail calls get there.
        assertEquals(1_000_000L, i.function("even").call(2_000_000, 0)[0]);
        assertEquals(-1L, i.function("even").call(7, 0)[0]);
    }

    @Test
    void indirectCallsReachOwnAndForeignFunctions() {
        Engine engine = new Engine(Tier.JIT);
        Instance a = engine.compileText("""
                (module
                  (table (export "t") 2 funcref)
                  (elem (i32.const 0) $ten)
                  (func $ten (param i32) (result i32) (i32.add (local.get 0) (i32.const 10))))
                """).instantiate();
        Instance b = engine.compileText("""
                (module
                  (type $f (func (param i32) (result i32)))
                  (import "a" "t" (table 2 funcref))
                  (elem (i32.const 1) $twenty)
                  (func $twenty (param i32) (result i32) (i32.add (local.get 0) (i32.const 20)))
                  (func (export "call") (param i32 i32) (result i32)
                    (call_indirect (type $f) (local.get 1) (local.get 0))))
                """).instantiate(new Linker().instance("a", a));
        assertEquals(15, b.function("call").call(0, 5)[0]);
        assertEquals(25, b.function("call").call(1, 5)[0]);
    }

    @Test
    void importedHostFunctionsAreCalled() {
        FuncType t = new FuncType(List.<ValType>of(NumType.I32, NumType.I32), List.<ValType>of(NumType.I32));
        Linker linker = new Linker().function("env", "mul", t, (values, refs) -> values[0] = (int) values[0] * (int) values[1]);
        Instance i = new Engine(Tier.JIT).compileText("""
                (module
                  (import "env" "mul" (func $mul (param i32 i32) (result i32)))
                  (func (export "sq") (param i32) (result i32) (call $mul (local.get 0) (local.get 0))))
                """).instantiate(linker);
        assertEquals(49, i.function("sq").call(7)[0]);
    }

    @Test
    void aFunctionTooLargeForOneJvmMethodIsSplitAndRuns() {
        String body = "(local.set 0 (i32.add (local.get 0) (i32.const 1000)))\n".repeat(20_000);
        Instance i = instance("(module (func (export \"huge\") (param i32) (result i32) " + body
                + " (local.get 0)) (func (export \"small\") (result i32) (i32.const 4)))");
        assertEquals(4, i.function("small").call()[0]);
        // Split into several methods (FunctionSplitter), it runs compiled.
        assertEquals(1 + 20_000 * 1000, i.function("huge").call(1)[0]);
    }
}
