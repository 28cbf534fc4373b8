package dev.jawa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Typed bindings of exports to Java functional interfaces, and argument checking of the generic forms. */
class FunctionBindingTest {

    /** Package-private, so the binding class must live in this package. */
    interface Mixer {
        double mix(int a, long b, float c, double d);
    }

    interface Pair {
        Object[] both(int a);
    }

    interface Effect {
        void run(int x);
    }

    private static final Instance INSTANCE = new Engine().compileText("""
            (module
              (global $g (mut i32) (i32.const 0))
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "mix") (param i32 i64 f32 f64) (result f64)
                (f64.add (f64.add (f64.convert_i32_s (local.get 0)) (f64.convert_i64_s (local.get 1)))
                         (f64.add (f64.promote_f32 (local.get 2)) (local.get 3))))
              (func (export "half") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 0.5)))
              (func (export "big") (result i64) (i64.const 0x7fffffffffffffff))
              (func (export "id") (param externref) (result externref) (local.get 0))
              (func (export "pair") (param i32) (result i32 i64) (local.get 0) (i64.const -1))
              (func (export "set") (param i32) (global.set $g (local.get 0)))
              (func (export "get") (result i32) (global.get $g)))
            """).instantiate();

    @Test
    void bindsJdkInterfacesWithoutProxies() {
        IntBinaryOperator add = INSTANCE.function("add").as(IntBinaryOperator.class);
        assertEquals(7, add.applyAsInt(3, 4));
        assertEquals(Integer.MIN_VALUE, add.applyAsInt(Integer.MAX_VALUE, 1));
        assertTrue(!Proxy.isProxyClass(add.getClass()) && add.getClass().isHidden(), add.getClass().getName());
        assertEquals(1.25, INSTANCE.function("half").as(DoubleUnaryOperator.class).applyAsDouble(2.5));
        assertEquals(Long.MAX_VALUE, INSTANCE.function("big").as(LongSupplier.class).getAsLong());
        assertEquals(7, INSTANCE.bind("add", IntBinaryOperator.class).applyAsInt(3, 4));
    }

    @Test
    void oneClassPerInterfaceServesEveryFunction() {
        IntBinaryOperator a = INSTANCE.function("add").as(IntBinaryOperator.class);
        Instance other = new Engine().compileText("""
                (module (func (export "sub") (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1))))
                """).instantiate();
        IntBinaryOperator s = other.function("sub").as(IntBinaryOperator.class);
        assertSame(a.getClass(), s.getClass());
        assertEquals(-1, s.applyAsInt(3, 4));
        assertEquals(7, a.applyAsInt(3, 4));
    }

    @Test
    void bindsEveryPrimitiveKindAndPackagePrivateInterfaces() {
        Mixer m = INSTANCE.function("mix").as(Mixer.class);
        assertEquals(-1 + 10_000_000_000L + 0.5 + 0.25, m.mix(-1, 10_000_000_000L, 0.5f, 0.25));
    }

    @Test
    void bindsReferencesVoidAndMultipleResults() {
        @SuppressWarnings("unchecked")
        UnaryOperator<Object> id = INSTANCE.function("id").as(UnaryOperator.class);
        Object token = new Object();
        assertSame(token, id.apply(token));
        assertNull(id.apply(null));
        assertArrayEquals(new Object[] {5, -1L}, INSTANCE.function("pair").as(Pair.class).both(5));
        INSTANCE.function("set").as(Effect.class).run(42);
        assertEquals(42, INSTANCE.function("get").call()[0]);
    }

    @Test
    void mismatchedInterfacesNameTheExpectedSignature() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> INSTANCE.function("add").as(DoubleUnaryOperator.class));
        assertTrue(e.getMessage().contains("(param i32 i32) (result i32)"), e.getMessage());
        assertTrue(e.getMessage().contains("expected (int, int) -> int"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> INSTANCE.function("add").as(Runnable.class));
        assertThrows(IllegalArgumentException.class, () -> INSTANCE.function("big").as(Mixer.class));
        assertThrows(IllegalArgumentException.class, () -> INSTANCE.function("add").as(String.class));
        assertThrows(IllegalArgumentException.class, () -> INSTANCE.function("add").as(java.util.List.class));
        // Results must match too: a void method for a function with a result is rejected.
        assertThrows(IllegalArgumentException.class, () -> INSTANCE.function("get").as(Runnable.class));
    }

    @Test
    void genericCallsCheckArgumentsAgainstTheSignature() {
        Function add = INSTANCE.function("add");
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> add.call(1));
        assertTrue(count.getMessage().contains("(param i32 i32) (result i32)"), count.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> add.apply(1, 2L));
        assertTrue(type.getMessage().contains("(param i32 i32) (result i32)"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> add.apply(1, null));
        assertThrows(IllegalArgumentException.class, () -> add.apply(1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> INSTANCE.function("id").call(0));
        assertArrayEquals(new Object[] {3}, add.apply(1, 2));
    }

    @Test
    void hostExceptionsSurfaceAsHostExceptionsWithTheWasmStack() {
        AtomicInteger calls = new AtomicInteger();
        Linker linker = new Linker().function("env", "cb", new FuncType(List.of(NumType.I32), List.of()),
                (values, refs) -> {
                    calls.incrementAndGet();
                    if (values[0] < 0) {
                        throw new IllegalStateException("negative: " + values[0]);
                    }
                });
        Instance inst = new Engine().compileText("""
                (module (import "env" "cb" (func $cb (param i32)))
                  (func $f (export "f") (param i32) (call $cb (local.get 0))))
                """).instantiate(linker);
        HostException e = assertThrows(HostException.class, () -> inst.function("f").call(-3));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("env.cb", e.function());
        assertTrue(e.getMessage().contains("env.cb") && e.getMessage().contains("negative: -3"), e.getMessage());
        assertEquals("f", e.wasmStackTrace().get(0).functionName());
        // The engine works on.
        inst.function("f").call(3);
        assertEquals(2, calls.get());
    }

    /** A control-flow exception of the embedder's, like WASI's exit. */
    static final class Exit extends WasmException {
        Exit() {
            super("exit", null, false, false);
        }
    }

    @Test
    void jawasOwnExceptionsFromHostFunctionsPassUnchanged() {
        Linker linker = new Linker().function("env", "exit", new FuncType(List.of(), List.of()),
                (values, refs) -> {
                    throw new Exit();
                });
        Instance inst = new Engine().compileText("""
                (module (import "env" "exit" (func $exit)) (func (export "f") (call $exit) unreachable))
                """).instantiate(linker);
        assertThrows(Exit.class, () -> inst.function("f").call());
    }

    @Test
    void hostFunctionsCanCallBackThroughBindings() {
        IntBinaryOperator[] add = new IntBinaryOperator[1];
        Linker linker = new Linker().function("env", "twice", new FuncType(List.of(NumType.I32), List.of(NumType.I32)),
                (values, refs) -> values[0] = add[0].applyAsInt((int) values[0], (int) values[0]));
        Instance inst = new Engine().compileText("""
                (module (import "env" "twice" (func $t (param i32) (result i32)))
                  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
                  (func (export "f") (param i32 i32) (result i32) (i32.add (call $t (local.get 0)) (local.get 1))))
                """).instantiate(linker);
        add[0] = inst.function("add").as(IntBinaryOperator.class);
        IntBinaryOperator f = inst.function("f").as(IntBinaryOperator.class);
        assertEquals(2 * 5 + 7, f.applyAsInt(5, 7));
    }

    @Test
    void aStartFunctionThatTrapsLeavesNothingHalfLinked() {
        Engine engine = new Engine();
        Instance provider = engine.compileText("""
                (module (memory (export "mem") 1) (func (export "peek") (param i32) (result i32) (i32.load8_u (local.get 0))))
                """).instantiate();
        Linker linker = new Linker().instance("p", provider);
        CompiledModule trapping = engine.compileText("""
                (module (import "p" "mem" (memory 1))
                  (data (i32.const 10) "\\2a")
                  (func $start unreachable)
                  (start $start)
                  (func (export "ok") (result i32) (i32.const 1)))
                """);
        Trap t = assertThrows(Trap.class, () -> trapping.instantiate(linker));
        assertEquals("unreachable", t.reason());
        // The data segment ran before the start function, as the spec says (visible through the import) ...
        assertEquals(42, provider.function("peek").call(10)[0]);
        // ... but the linker gained nothing, and both it and the engine work on.
        assertNull(linker.resolve("trapping", "ok"));
        Instance next = engine.compileText("""
                (module (import "p" "mem" (memory 1)) (func (export "ok") (result i32) (i32.load8_u (i32.const 10))))
                """).instantiate(linker);
        assertEquals(42, next.function("ok").call()[0]);
    }
}
