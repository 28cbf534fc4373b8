package dev.jawa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.runtime.HostFunction;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.RefType;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleBinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntConsumer;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Host functions given as Java functional interfaces ({@link Linker#function(String, String, Class, Object)}), on every tier. */
class HostBindingTest {

    /** Package-private, with a float and a checked exception. */
    interface Scale {
        float scale(float x, int by) throws IOException;
    }

    interface Split {
        Object[] split(long v);
    }

    interface Frames {
        int count();
    }

    private static final String CALLER = """
            (module
              (import "env" "add" (func $add (param i32 i32) (result i32)))
              (import "env" "twice" (func $twice (param i64) (result i64)))
              (import "env" "hyp" (func $hyp (param f64 f64) (result f64)))
              (import "env" "scale" (func $scale (param f32 i32) (result f32)))
              (import "env" "sink" (func $sink (param i32)))
              (import "env" "echo" (func $echo (param externref) (result externref)))
              (import "env" "split" (func $split (param i64) (result i32 i32)))
              (import "env" "frames" (func $frames (result i32)))
              (func (export "sum") (param $n i32) (result i32) (local $acc i32)
                (block $done (loop $l
                  (br_if $done (i32.eqz (local.get $n)))
                  (local.set $acc (call $add (local.get $acc) (local.get $n)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $l)))
                (local.get $acc))
              (func (export "twice") (param i64) (result i64) (call $twice (local.get 0)))
              (func (export "hyp") (param f64 f64) (result f64) (call $hyp (local.get 0) (local.get 1)))
              (func (export "scale") (param f32 i32) (result f32) (call $scale (local.get 0) (local.get 1)))
              (func (export "sink") (param i32) (call $sink (local.get 0)))
              (func (export "echo") (param externref) (result externref) (call $echo (local.get 0)))
              (func (export "split") (param i64) (result i32) (i32.sub (call $split (local.get 0))))
              (func (export "frames") (result i32) (call $frames)))
            """;

    private final AtomicLong sunk = new AtomicLong();

    private Instance instantiate(Tier tier, Scale scale) {
        Linker linker = new Linker()
                .function("env", "add", IntBinaryOperator.class, (a, b) -> a + b)
                .function("env", "twice", LongUnaryOperator.class, v -> v * 2)
                .function("env", "hyp", DoubleBinaryOperator.class, Math::hypot)
                .function("env", "scale", Scale.class, scale)
                .function("env", "sink", IntConsumer.class, x -> sunk.addAndGet(x))
                .function("env", "echo", new FuncType(List.of(RefType.EXTERNREF), List.of(RefType.EXTERNREF)),
                        UnaryOperator.class, x -> x)
                .function("env", "split", new FuncType(List.of(NumType.I64), List.of(NumType.I32, NumType.I32)),
                        Split.class, v -> new Object[] {(int) (v >>> 32), (int) v})
                .function("env", "frames", Frames.class, HostBindingTest::rawEntryFrames);
        return new Engine(tier).compileText(CALLER).instantiate(linker);
    }

    /** How many frames of the raw-array entry (HostFunction.invoke) are on the stack. */
    private static int rawEntryFrames() {
        long n = StackWalker.getInstance().walk(s -> s
                .filter(f -> f.getClassName().equals(HostFunction.class.getName()) && f.getMethodName().equals("invoke"))
                .count());
        return (int) n;
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void callsTypedHostFunctions(Tier tier) {
        Instance inst = instantiate(tier, (x, by) -> x * by);
        assertEquals(5050, inst.function("sum").call(100)[0]);
        assertEquals(Long.MAX_VALUE * 2, inst.function("twice").call(Long.MAX_VALUE)[0]);
        assertEquals(5.0, (double) inst.function("hyp").apply(3.0, 4.0)[0]);
        assertEquals(-7.5f, (float) inst.function("scale").apply(2.5f, -3)[0]);
        inst.function("sink").apply(41);
        inst.function("sink").apply(1);
        assertEquals(42, sunk.get());
        Object token = new Object();
        assertSame(token, inst.function("echo").apply(token)[0]);
        // (0x00000007_00000002): 7 - 2
        assertEquals(5, (int) inst.function("split").apply(0x0000_0007_0000_0002L)[0]);
    }

    @Test
    void compiledCodeCallsTheMethodDirectly() {
        assertEquals(0, (int) instantiate(Tier.JIT, (x, by) -> x).function("frames").apply()[0]);
        assertEquals(1, (int) instantiate(Tier.INTERP, (x, by) -> x).function("frames").apply()[0]);
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void exceptionsEndTheCallAsHostExceptions(Tier tier) {
        IOException checked = new IOException("disk");
        HostException e = assertThrows(HostException.class,
                () -> instantiate(tier, (x, by) -> { throw checked; }).function("scale").apply(1f, 1));
        assertSame(checked, e.getCause());
        assertEquals("env.scale", e.function());

        IllegalStateException unchecked = new IllegalStateException("bad");
        e = assertThrows(HostException.class,
                () -> instantiate(tier, (x, by) -> { throw unchecked; }).function("scale").apply(1f, 1));
        assertSame(unchecked, e.getCause());

        Trap own = new Trap("host says no");
        Trap t = assertThrows(Trap.class,
                () -> instantiate(tier, (x, by) -> { throw own; }).function("scale").apply(1f, 1));
        assertSame(own, t);
        assertFalse(t instanceof HostException);
    }

    @Test
    void rejectsSignaturesThatDoNotFit() {
        Linker linker = new Linker();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> linker.function("env", "f",
                new FuncType(List.of(NumType.I64), List.of()), IntConsumer.class, x -> { }));
        assertTrue(e.getMessage().contains("expected"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> linker.function("env", "f", UnaryOperator.class, x -> x));
        assertTrue(e.getMessage().contains("FuncType"), e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, assertThrows(RuntimeException.class,
                () -> linker.function("env", "f", String.class, "not a function")));
    }

    @Test
    void typedAndRawFunctionsMatchTheSameImports() {
        // The derived type is the canonical one: a module importing (i32 i32) -> i32 links to it.
        Instance inst = new Engine(Tier.INTERP).compileText("""
                (module (import "env" "add" (func $add (param i32 i32) (result i32)))
                  (table 1 funcref) (elem (i32.const 0) $add)
                  (type $t (func (param i32 i32) (result i32)))
                  (func (export "viaTable") (result i32) (call_indirect (type $t) (i32.const 2) (i32.const 3) (i32.const 0))))
                """).instantiate(new Linker().function("env", "add", IntBinaryOperator.class, (a, b) -> a * b));
        assertArrayEquals(new long[] {6}, inst.function("viaTable").call());
    }
}
