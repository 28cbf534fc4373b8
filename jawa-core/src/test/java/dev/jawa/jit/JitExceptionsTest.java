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
import dev.jawa.WebAssemblyException;
import dev.jawa.runtime.WasmFunction;
import org.junit.jupiter.api.Test;

/** Exceptions in compiled code: JVM exception-table entries that catch WebAssembly exceptions only. */
class JitExceptionsTest {

    private static Instance jit(String wat) {
        return new Engine(Tier.JIT).compileText(wat).instantiate();
    }

    @Test
    void catchRebuildsTheStackBelowTheTryAndPushesThePayload() {
        Instance i = jit("""
                (module
                  (tag $e (param i32 i64 f32 f64))
                  (func (export "f") (param i32) (result i32 i32 i32 i64 f32 f64)
                    ;; 100 and 20 sit below the try_table on the operand stack; 9 is above them when thrown.
                    (i32.const 100)
                    (i32.const 20)
                    (block $h (result i32 i64 f32 f64)
                      (try_table (catch $e $h)
                        (i32.const 9)
                        (throw $e (local.get 0) (i64.const -3) (f32.const 1.5) (f64.const 2.25)))
                      unreachable)))
                """);
        assertArrayEquals(new long[] {100, 20, 5, -3, Float.floatToRawIntBits(1.5f), Double.doubleToRawLongBits(2.25)},
                i.function("f").call(5));
        WasmFunction f = (WasmFunction) i.runtime().export("f");
        assertTrue(f.tierCode instanceof JitFunction, "compiled, not interpreted");
    }

    @Test
    void aTrapIsNeverCaughtByCatchAll() {
        Instance i = jit("""
                (module
                  (func (export "f") (result i32)
                    (block $h (try_table (catch_all $h) unreachable))
                    (i32.const 1))
                  (func (export "div") (param i32) (result i32)
                    (block $h (try_table (catch_all $h) (return (i32.div_u (i32.const 1) (local.get 0)))))
                    (i32.const -1)))
                """);
        assertEquals("unreachable", assertThrows(Trap.class, () -> i.function("f").call()).reason());
        assertEquals("integer divide by zero", assertThrows(Trap.class, () -> i.function("div").call(0)).reason());
        assertEquals(1, i.function("div").call(1)[0]);
    }

    @Test
    void tagsSelectTheClauseAndOthersPropagate() {
        Instance i = jit("""
                (module
                  (tag $a (param i32))
                  (tag $b (param i32))
                  (tag $c)
                  (func $throw (param i32)
                    (if (i32.eq (local.get 0) (i32.const 0)) (then (throw $a (i32.const 10))))
                    (if (i32.eq (local.get 0) (i32.const 1)) (then (throw $b (i32.const 20))))
                    (throw $c))
                  (func (export "f") (param i32) (result i32)
                    (block $ha (result i32)
                      (block $hb (result i32)
                        (try_table (catch $a $ha) (catch $b $hb) (call $throw (local.get 0)))
                        (i32.const 0) (return))
                      (i32.const 1000) (i32.add) (return))))
                """);
        assertEquals(10, i.function("f").call(0)[0]);
        assertEquals(1020, i.function("f").call(1)[0]);
        WebAssemblyException e = assertThrows(WebAssemblyException.class, () -> i.function("f").call(2));
        assertEquals(0, e.exception().values().length);
    }

    @Test
    void catchRefAndThrowRefRethrowTheSameException() {
        Instance i = jit("""
                (module
                  (tag $e (param i64))
                  (func (export "f") (param i64) (result i64)
                    (block $outer (result i64)
                      (try_table (catch $e $outer)
                        (block $h (result exnref)
                          (try_table (catch_all_ref $h) (throw $e (local.get 0)))
                          unreachable)
                        (throw_ref))
                      unreachable))
                  (func (export "null") (throw_ref (ref.null exn))))
                """);
        assertEquals(-7L, i.function("f").call(-7)[0]);
        assertEquals("null exception reference", assertThrows(Trap.class, () -> i.function("null").call()).reason());
    }

    @Test
    void tryTablesInALoopCatchEveryTime() {
        Instance i = jit("""
                (module
                  (tag $e (param i32))
                  (func (export "sum") (param i32) (result i32) (local $acc i32)
                    (loop $l
                      (local.get $acc)
                      (block $h (result i32)
                        (try_table (catch $e $h) (throw $e (local.get 0)))
                        (i32.const 0))
                      (i32.add)
                      (local.set $acc)
                      (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
                    (local.get $acc)))
                """);
        assertEquals(5050, i.function("sum").call(100)[0]);
    }

    @Test
    void aCatchCanReturnSeveralValuesFromTheFunction() {
        Instance i = jit("""
                (module
                  (tag $e (param i64 i32))
                  (func (export "f") (result i64 i32)
                    (i32.const 1)
                    (try_table (catch $e 0) (throw $e (i64.const 4) (i32.const 2)))
                    unreachable))
                """);
        assertArrayEquals(new long[] {4, 2}, i.function("f").call());
    }

    @Test
    void legacyDelegateSkipsTheTriesInBetween() {
        Instance i = jit("""
                (module
                  (tag $e (param i32))
                  (func (export "f") (result i32)
                    (try (result i32)
                      (do
                        (try (result i32)
                          (do
                            (try (result i32)
                              (do (throw $e (i32.const 7)))
                              (delegate 1)))
                          (catch_all (i32.const 1))))
                      (catch $e)))
                  (func (export "out") (result i32)
                    (try (result i32)
                      (do
                        (try (result i32)
                          (do (throw $e (i32.const 7)))
                          (delegate 1)))
                      (catch_all (i32.const 1)))))
                """);
        assertEquals(7, i.function("f").call()[0]);
        // Delegating to the function's label: to the caller, past the catch_all.
        assertEquals(7L, assertThrows(WebAssemblyException.class, () -> i.function("out").call()).exception().values()[0]);
    }

    @Test
    void legacyDelegatePassesOverATryTableAndOutOfACatchArm() {
        Instance i = jit("""
                (module
                  (tag $e (param i32))
                  (func (export "overTryTable") (result i32)
                    (try (result i32)
                      (do
                        (block $skip
                          (try_table (catch_all $skip)
                            (try (do (throw $e (i32.const 7))) (delegate 2))))
                        (i32.const -1))
                      (catch $e (i32.const 100) (i32.add))))
                  (func (export "fromCatchArm") (result i32)
                    (try (result i32)
                      (do
                        (try $t (result i32)
                          (do (throw $e (i32.const 1)))
                          (catch_all
                            (try (result i32)
                              (do (throw $e (i32.const 5)))
                              (delegate $t)))))
                      (catch $e (i32.const 1000) (i32.add)))))
                """);
        assertEquals(107, i.function("overTryTable").call()[0]);
        // Delegating to a try from its own catch arm: that try's handlers no longer apply.
        assertEquals(1005, i.function("fromCatchArm").call()[0]);
    }

    @Test
    void hundredsOfNestedTriesCompile() {
        String delegates = "(throw $e (i32.const 42))";
        String tables = "(throw $e (i32.const 43))";
        for (int k = 0; k < 700; k++) {
            delegates = "(try (do " + delegates + ") (delegate 0))";
            tables = "(try_table (catch $other 0) " + tables + ")";
        }
        Instance i = jit("(module (tag $e (param i32)) (tag $other)"
                + " (func (export \"delegates\") (result i32) (try (result i32) (do " + delegates + " (i32.const 0)) (catch $e)))"
                + " (func (export \"tables\") (result i32) (block $h (result i32) (try_table (catch $e $h) " + tables + ") (i32.const 0))))");
        assertEquals(42, i.function("delegates").call()[0]);
        assertEquals(43, i.function("tables").call()[0]);
    }

    @Test
    void legacyRethrowGoesToTheOuterHandler() {
        Instance i = jit("""
                (module
                  (tag $e (param i32))
                  (tag $f)
                  (func (export "f") (param i32) (result i32)
                    (try (result i32)
                      (do
                        (try (result i32)
                          (do (if (local.get 0) (then (throw $f))) (throw $e (i32.const 3)))
                          (catch $e (drop) (rethrow 0))
                          (catch_all (i32.const 50))))
                      (catch $e (i32.const 100) (i32.add)))))
                """);
        assertEquals(103, i.function("f").call(0)[0]);
        assertEquals(50, i.function("f").call(1)[0]);
    }

    @Test
    void anExceptionFromAnInterpretedFunctionIsCaughtInCompiledCode() {
        Instance interp = new Engine(Tier.INTERP).compileText("""
                (module
                  (tag $e (export "e") (param i32))
                  (func (export "throw") (param i32) (throw $e (local.get 0))))
                """).instantiate();
        Instance i = new Engine(Tier.JIT).compileText("""
                (module
                  (import "m" "e" (tag $e (param i32)))
                  (import "m" "throw" (func $throw (param i32)))
                  (tag $other (param i32))
                  (func (export "f") (param i32) (result i32)
                    (block $h (result i32)
                      (block $o (result i32)
                        (try_table (catch $other $o) (catch $e $h) (call $throw (local.get 0)))
                        (i32.const -1) (return))
                      (return (i32.const -2)))))
                """).instantiate(new Linker().instance("m", interp));
        // Caught by the clause of the imported tag, which is the same tag instance.
        assertEquals(8, i.function("f").call(8)[0]);
    }
}
