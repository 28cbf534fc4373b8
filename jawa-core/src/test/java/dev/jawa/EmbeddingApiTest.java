package dev.jawa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The embedding API: compile once, instantiate many times, link host functions, call exports. */
class EmbeddingApiTest {

    private static final String COUNTER = """
            (module
              (import "env" "log" (func $log (param i64)))
              (global $n (mut i64) (i64.const 0))
              (func (export "next") (result i64)
                (global.set $n (i64.add (global.get $n) (i64.const 1)))
                (call $log (global.get $n))
                (global.get $n))
              (func (export "mix") (param i32 f32 f64) (result f64)
                (f64.add (f64.convert_i32_s (local.get 0))
                         (f64.add (f64.promote_f32 (local.get 1)) (local.get 2)))))
            """;

    @Test
    void instancesOfOneModuleHaveTheirOwnState() {
        Engine engine = new Engine();
        CompiledModule module = engine.compileText(COUNTER);
        AtomicLong logged = new AtomicLong();
        Linker linker = new Linker().function("env", "log", new FuncType(List.of(NumType.I64), List.of()),
                (values, refs) -> logged.set(values[0]));
        Instance a = module.instantiate(linker);
        Instance b = module.instantiate(linker);
        assertArrayEquals(new long[] {1}, a.function("next").call());
        assertArrayEquals(new long[] {2}, a.function("next").call());
        assertEquals(2, logged.get());
        assertArrayEquals(new long[] {1}, b.function("next").call());
        assertEquals(1, logged.get());
    }

    @Test
    void boxedCallsConvertByType() {
        Instance inst = new Engine().compileText(COUNTER)
                .instantiate(new Linker().function("env", "log", new FuncType(List.of(NumType.I64), List.of()),
                        (values, refs) -> { }));
        Object[] r = inst.function("mix").apply(-2, 0.5f, 0.25);
        assertArrayEquals(new Object[] {-1.25}, r);
        assertThrows(IllegalArgumentException.class, () -> inst.function("mix").apply(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> inst.function("next").call(1));
    }

    @Test
    void missingImportsAreUnlinkable() {
        CompiledModule module = new Engine().compileText(COUNTER);
        UnlinkableException e = assertThrows(UnlinkableException.class, module::instantiate);
        assertEquals("unknown import", e.reason());
    }

    @Test
    void callDepthIsConfigurable() {
        Instance inst = new Engine(1000).compileText("""
                (module (func $f (export "f") (param i32) (result i32)
                  (if (result i32) (local.get 0)
                    (then (i32.add (i32.const 1) (call $f (i32.sub (local.get 0) (i32.const 1)))))
                    (else (i32.const 0)))))
                """).instantiate();
        assertArrayEquals(new long[] {900}, inst.function("f").call(900));
        assertEquals("call stack exhausted", assertThrows(Trap.class, () -> inst.function("f").call(2000)).reason());
    }

    @Test
    void trapsCarryTheWebAssemblyStackTrace() {
        Instance inst = new Engine().compileText("""
                (module
                  (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
                  (func $outer (export "outer") (param i32) (result i32) (call $inner (local.get 0))))
                """).instantiate();
        Trap t = assertThrows(Trap.class, () -> inst.function("outer").call(0));
        assertEquals("integer divide by zero", t.reason());
        assertEquals(2, t.wasmStackTrace().size());
        assertEquals(0, t.wasmStackTrace().get(0).functionIndex());
        assertEquals(1, t.wasmStackTrace().get(1).functionIndex());
    }

    @Test
    void exportsBindToFunctionalInterfacesAndMemoryIsReadable() {
        Instance inst = new Engine().compileText("""
                (module
                  (memory (export "mem") 1)
                  (data (i32.const 16) "h\\c3\\a9llo\\00")
                  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
                  (func (export "store") (param i32 f64) (f64.store (local.get 0) (local.get 1))))
                """).instantiate();
        java.util.function.IntBinaryOperator add = inst.bind("add", java.util.function.IntBinaryOperator.class);
        assertEquals(7, add.applyAsInt(3, 4));
        dev.jawa.runtime.Memory mem = inst.memory("mem");
        assertEquals("h\u00e9llo", mem.readCString(16));
        assertEquals("h\u00e9", mem.readUtf8(16, 3));
        inst.function("store").apply(64, 2.5);
        assertEquals(2.5, mem.loadF64(64));
        assertEquals(5, mem.writeUtf8(100, "wasm!"));
        assertArrayEquals("wasm!".getBytes(java.nio.charset.StandardCharsets.UTF_8), mem.read(100, 5));
        assertThrows(Trap.class, () -> mem.read(65536 - 2, 4));
        assertThrows(IllegalArgumentException.class, () -> inst.bind("add", Runnable.class));
    }
}
