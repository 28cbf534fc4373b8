package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Tier;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Functions split into several JVM methods ({@link FunctionSplitter}): with the threshold at 0,
 * every stretch of every construct becomes a region of its own, so each way control and values
 * cross a region's boundary is exercised; the results must be the interpreter's.
 */
class FunctionSplitterTest {

    /** Runs {@code body} with the split threshold set to {@code bytes} (read when a module compiles). */
    static <T> T withSplitBytes(int bytes, Supplier<T> body) {
        String old = System.getProperty("jawa.jit.splitBytes");
        System.setProperty("jawa.jit.splitBytes", Integer.toString(bytes));
        try {
            return body.get();
        } finally {
            if (old == null) {
                System.clearProperty("jawa.jit.splitBytes");
            } else {
                System.setProperty("jawa.jit.splitBytes", old);
            }
        }
    }

    /** The number of region methods in the instance's compiled classes. */
    static long regions(Instance i) {
        ModuleCode code = JitTier.code(i.runtime().module());
        return code.classes().stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods())).map(Method::getName)
                .filter(n -> n.startsWith("r") && n.contains("$")).count();
    }

    private static final String MODULE = """
            (module
              (memory 1)
              (tag $e (param i32))
              (func $id (param i32) (result i32) (local.get 0))
              ;; loops, a value carried out of nested blocks, locals of every kind changed in regions
              (func (export "mixed") (param $n i32) (result i64)
                (local $i i32) (local $acc i64) (local $f f32) (local $d f64) (local $r externref)
                (local.set $f (f32.const 1.5))
                (block $out
                  (loop $l
                    (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
                    (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $i))))
                    (local.set $f (f32.mul (local.get $f) (f32.const 1.25)))
                    (local.set $d (f64.add (local.get $d) (f64.promote_f32 (local.get $f))))
                    (i32.store (i32.mul (local.get $i) (i32.const 4)) (local.get $i))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $l)))
                (i64.add (local.get $acc)
                  (i64.add (i64.trunc_f64_s (local.get $d))
                    (i64.extend_i32_u (i32.load (i32.const 8))))))
              ;; br_table out of a region to several depths, with values on the stack below
              (func (export "table") (param i32) (result i32)
                (i32.add (i32.const 1000)
                  (block $a (result i32)
                    (i32.add (i32.const 100)
                      (block $b (result i32)
                        (i32.add (i32.const 10)
                          (block $c (result i32)
                            (i32.const 1) (i32.const 2) (drop)
                            (br_table $c $b $a 3 (i32.const 7) (local.get 0)))))))))
              ;; a return from deep inside, and a multi-value block
              (func (export "multi") (param i32) (result i32 i64)
                (local $x i32)
                (block (result i32 i64)
                  (local.set $x (call $id (local.get 0)))
                  (if (i32.eq (local.get $x) (i32.const 3))
                    (then (return (i32.const -3) (i64.const -30))))
                  (if (result i32 i64) (local.get $x)
                    (then (i32.const 1) (i64.const 10))
                    (else (i32.const 2) (i64.const 20)))))
              ;; a loop with parameters, branched to from a region
              (func (export "loopParams") (param i32) (result i32)
                (i32.const 0) (local.get 0)
                (loop $l (param i32 i32) (result i32)
                  (if (param i32 i32) (result i32) (i32.eqz (local.get 0))
                    (then (drop))
                    (else
                      (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                      (i32.add (local.get 0))
                      (local.get 0)
                      (br $l)))))
              ;; an exception thrown in a region, caught by a try_table outside it
              (func (export "catch") (param i32) (result i32)
                (block $h (result i32)
                  (try_table (catch $e $h)
                    (if (local.get 0) (then (throw $e (i32.add (local.get 0) (i32.const 40)))))
                    (nop))
                  (i32.const -1)))
              ;; a trap inside a region still traps
              (func (export "div") (param i32 i32) (result i32)
                (local $q i32)
                (local.set $q (i32.div_s (local.get 0) (local.get 1)))
                (local.get $q)))
            """;

    @Test
    void splitEverywhereComputesWhatTheInterpreterDoes() {
        Instance interp = new Engine(Tier.INTERP).compileText(MODULE).instantiate();
        Instance jit = withSplitBytes(0, () -> {
            Instance i = new Engine(Tier.JIT).compileText(MODULE).instantiate();
            i.function("div").call(1, 1); // compiles the module now, under the low threshold
            return i;
        });
        for (int n : new int[] {0, 1, 5, 40}) {
            assertArrayEquals(interp.function("mixed").call(n), jit.function("mixed").call(n), "mixed " + n);
            assertArrayEquals(interp.function("loopParams").call(n), jit.function("loopParams").call(n), "loop " + n);
        }
        for (int n = 0; n < 5; n++) {
            assertArrayEquals(interp.function("table").call(n), jit.function("table").call(n), "table " + n);
            assertArrayEquals(interp.function("multi").call(n), jit.function("multi").call(n), "multi " + n);
            assertArrayEquals(interp.function("catch").call(n), jit.function("catch").call(n), "catch " + n);
        }
        assertEquals(1117, jit.function("table").call(0)[0]);
        assertEquals(1107, jit.function("table").call(1)[0]);
        assertEquals(7, jit.function("table").call(3)[0]);
        assertEquals(42, jit.function("catch").call(2)[0]);
        assertEquals(-3, jit.function("multi").call(3)[0]);
        dev.jawa.Trap t = org.junit.jupiter.api.Assertions.assertThrows(dev.jawa.Trap.class,
                () -> jit.function("div").call(1, 0));
        assertEquals("integer divide by zero", t.getMessage());
        // Counted last: with a module spread over classes, each class is compiled on its first call.
        assertTrue(regions(jit) > 20, "functions were split: " + regions(jit));
    }

    @Test
    void aFunctionFarPastOneMethodsLimitCompilesAndRuns() {
        // About 40,000 instructions in one loop body: far beyond 64 KiB of bytecode unsplit.
        String wat = HugeFunction.wat(4_000);
        Instance interp = new Engine(Tier.INTERP).compileText(wat).instantiate();
        Instance jit = new Engine(Tier.JIT).compileText(wat).instantiate();
        long expected = (long) interp.function("run").call(3)[0];
        assertEquals(expected, (long) jit.function("run").call(3)[0]);
        assertTrue(regions(jit) > 10, "the function was split: " + regions(jit));
    }
}
