package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.Tier;
import dev.jawa.Trap;
import dev.jawa.runtime.WasmFunction;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Tier.AUTO: interpreter first, hot functions compiled in the background, loops moved by OSR. */
class TieredTierTest {

    /** Whether the calling thread runs compiled code now (a frame of a module's hidden class). */
    private static boolean calledFromCompiledCode() {
        return StackWalker.getInstance(java.util.Set.of(StackWalker.Option.SHOW_HIDDEN_FRAMES,
                        StackWalker.Option.RETAIN_CLASS_REFERENCE))
                .walk(s -> s.anyMatch(f -> f.getDeclaringClass().isHidden()
                        && f.getClassName().startsWith("dev.jawa.jit.CompiledWasm")));
    }

    /**
     * A loop calling the host until the module is compiled, then 20,000 times more: called once, it
     * can only reach compiled code by on-stack replacement.
     */
    private static final String SPIN = """
            (module
              (import "t" "ready" (func $ready (result i32)))
              (func (export "spin") (param $after i64) (result i64) (local $i i64)
                (loop $l
                  (local.set $i (i64.add (local.get $i) (i64.const 1)))
                  (if (call $ready) (then (local.set $after (i64.sub (local.get $after) (i64.const 1)))))
                  (br_if $l (i64.gt_s (local.get $after) (i64.const 0))))
                (local.get $i)))
            """;

    @Test
    void aLoopCalledOnceMovesToCompiledCode() {
        CompiledModule module = new Engine(Tier.AUTO).compileText(SPIN);
        AtomicBoolean endedCompiled = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        Linker linker = new Linker().function("t", "ready", new FuncType(List.of(), List.of(NumType.I32)),
                (values, refs) -> {
                    calls.incrementAndGet();
                    boolean ready = TieredTier.compiled(module.validated());
                    endedCompiled.set(calledFromCompiledCode());
                    values[0] = ready ? 1 : 0;
                });
        Instance i = module.instantiate(linker);
        long iterations = i.function("spin").call(20_000)[0];
        assertEquals(calls.get(), iterations);
        assertTrue(iterations > 20_000, "some iterations ran before the code was ready");
        assertTrue(endedCompiled.get(), "the loop ended in compiled code");
    }

    @Test
    void aLoopInAFunctionTooLargeForOneMethodMovesToCompiledCode() {
        // The loop of SPIN behind some 2,400 bytes of straight code: the compiler splits the
        // function and the loop lands in a region method, which an OSR entry of the split
        // function could not enter. The entry is compiled whole instead (it fits in a method
        // HotSpot compiles), so the loop leaves the interpreter all the same.
        String padding = "(local.set $pad (i32.add (local.get $pad) (i32.const 1)))\n".repeat(600);
        String wat = SPIN.replace("(local $i i64)", "(local $i i64) (local $pad i32)")
                .replace("(loop $l", padding + "(loop $l");
        CompiledModule module = new Engine(Tier.AUTO).compileText(wat);
        assertTrue(module.validated().module().functions().get(0).body().length()
                > FunctionSplitter.DEFAULT_SPLIT_BYTES, "the function is split");
        AtomicBoolean endedCompiled = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        Linker linker = new Linker().function("t", "ready", new FuncType(List.of(), List.of(NumType.I32)),
                (values, refs) -> {
                    calls.incrementAndGet();
                    // Done, even if compiling failed: then the loop ends in the interpreter.
                    TieringPolicy.Job job = TieringPolicy.peek(module.validated());
                    endedCompiled.set(calledFromCompiledCode());
                    values[0] = job != null && job.isDone() ? 1 : 0;
                });
        Instance i = module.instantiate(linker);
        long iterations = i.function("spin").call(20_000)[0];
        assertEquals(calls.get(), iterations);
        assertTrue(TieredTier.compiled(module.validated()), "the module compiled");
        assertTrue(endedCompiled.get(), "the loop ended in compiled code");
    }

    @Test
    void aFunctionTooLargeForAWholeEntryIsCompiledWithoutOne() {
        // Past HotSpot's method size limit even whole: no OSR entry (the loop stays in the
        // interpreter for this call), but the module compiles and the function is callable.
        String padding = "(local.set $pad (i32.add (local.get $pad) (i32.const 1)))\n".repeat(2500);
        String wat = SPIN.replace("(local $i i64)", "(local $i i64) (local $pad i32)")
                .replace("(loop $l", padding + "(loop $l");
        CompiledModule module = new Engine(Tier.AUTO).compileText(wat);
        AtomicLong calls = new AtomicLong();
        Linker linker = new Linker().function("t", "ready", new FuncType(List.of(), List.of(NumType.I32)),
                (values, refs) -> {
                    calls.incrementAndGet();
                    TieringPolicy.Job job = TieringPolicy.peek(module.validated());
                    values[0] = job != null && job.isDone() ? 1 : 0;
                });
        Instance i = module.instantiate(linker);
        long iterations = i.function("spin").call(5_000)[0];
        assertEquals(calls.get(), iterations);
        assertTrue(TieredTier.compiled(module.validated()), "the module compiled");
        ModuleCode code = TieringPolicy.peek(module.validated()).code();
        assertTrue(code.compiled(0), "the function compiled");
        dev.jawa.module.Module wasm = module.validated().module();
        FuncType spin = wasm.funcType(wasm.functions().get(0).typeIndex());
        assertEquals(null, code.osrEntry(1, spin, 0), "no OSR entry");
        for (int k = 0; k < 3; k++) {
            assertEquals(3, i.function("spin").call(3)[0]); // ready at once: 3 iterations
        }
    }


    private static final String HOT = """
            (module
              (func $sq (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
              (func (export "callSq") (param i32) (result i32) (call $sq (local.get 0)))
              (func (export "sumSq") (param $n i32) (result i32) (local $s i32)
                (block $done (loop $l
                  (br_if $done (i32.eqz (local.get $n)))
                  (local.set $s (i32.add (local.get $s) (call $sq (local.get $n))))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br $l)))
                (local.get $s)))
            """;

    @Test
    void hotFunctionsSwitchToCompiledCodeAndKeepTheirResults() throws Exception {
        CompiledModule module = new Engine(Tier.AUTO).compileText(HOT);
        Instance i = module.instantiate();
        WasmFunction callSq = (WasmFunction) i.runtime().export("callSq");
        for (int k = 0; k < 30_000 && !(callSq.compiledCode instanceof JitFunction); k++) {
            int x = k % 1000;
            assertEquals(x * x, i.function("callSq").call(x)[0]);
            if (k > 2000) {
                TieringPolicy.request(module.validated(), 0).await();
            }
        }
        assertInstanceOf(JitFunction.class, callSq.compiledCode);
        assertEquals(49, i.function("callSq").call(7)[0]);
        assertEquals(385, i.function("sumSq").call(10)[0]);
        // Another instance of the module shares the compiled class but has its own context.
        Instance j = module.instantiate();
        assertEquals(14, j.function("sumSq").call(3)[0]);
    }

    @Test
    void unsupportedFunctionsStayInTheInterpreterWithoutError() {
        // $odd uses SIMD, which the compiler does not handle yet (when it does, this still checks
        // the results); the compiled "f" calls it, and it runs in the interpreter.
        String wat = """
                (module
                  (func $odd (param i32) (result i32)
                    (i32.add (i32x4.extract_lane 2 (i32x4.splat (local.get 0))) (i32.const 1)))
                  (func (export "f") (param i32) (result i32) (call $odd (local.get 0))))
                """;
        CompiledModule module = new Engine(Tier.AUTO).compileText(wat);
        ModuleCode code = TieringPolicy.request(module.validated(), 0).await();
        assertTrue(code != null && code.compiled(1));
        Instance i = module.instantiate();
        for (int k = 0; k < 3000; k++) {
            assertEquals(k + 1, i.function("f").call(k)[0]);
        }
    }

    @Test
    void trapsInCompiledCodeAreTraps() {
        String wat = """
                (module
                  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
                """;
        CompiledModule module = new Engine(Tier.AUTO).compileText(wat);
        TieringPolicy.request(module.validated(), 0).await();
        Instance i = module.instantiate();
        for (int k = 0; k < 3000; k++) {
            assertEquals(k, i.function("div").call(2 * k, 2)[0]);
        }
        WasmFunction div = (WasmFunction) i.runtime().export("div");
        assertInstanceOf(JitFunction.class, div.compiledCode);
        Trap t = assertThrows(Trap.class, () -> i.function("div").call(1, 0));
        assertEquals("integer divide by zero", t.getMessage());
        assertFalse(i.function("div").call(4, 2)[0] != 2);
    }

    /**
     * A module over the whole-module limit: {@code n} functions of about 1 KB, f(i) calling f(i+1)
     * unless i + 1 is a multiple of 10.
     */
    private static String largeModule(int n) {
        StringBuilder b = new StringBuilder("(module\n");
        for (int f = 0; f < n; f++) {
            b.append("(func $f").append(f).append(" (export \"f").append(f).append("\") (param i32) (result i32)\n");
            b.append("  (local.get 0)");
            for (int k = 0; k < 200; k++) {
                b.append(" (i32.const ").append(k * 7919 + f).append(") (i32.xor)");
            }
            if ((f + 1) % 10 != 0) {
                b.append(" (call $f").append(f + 1).append(" (i32.const 0)) (i32.add)");
            }
            b.append(")\n");
        }
        return b.append(")").toString();
    }

    @Test
    void largeModulesAreCompiledInChunksAroundHotFunctions() {
        CompiledModule module = new Engine(Tier.AUTO).compileText(largeModule(600));
        Instance i = module.instantiate();
        WasmFunction hot = (WasmFunction) i.runtime().export("f300");
        long expected = i.function("f300").call(5)[0];
        for (int k = 0; k < 30_000 && !(hot.compiledCode instanceof JitFunction); k++) {
            assertEquals(expected, i.function("f300").call(5)[0]);
            if (k > 2000) {
                TieringPolicy.request(module.validated(), 300).await();
            }
        }
        assertInstanceOf(JitFunction.class, hot.compiledCode);
        assertEquals(expected, i.function("f300").call(5)[0]);
        ModuleCode chunk = TieringPolicy.request(module.validated(), 300).await();
        // The chunk holds the hot function and the callees that fit, not the whole module.
        assertTrue(chunk.compiled(300) && chunk.compiled(301) && chunk.compiled(309));
        assertFalse(chunk.compiled(0) || chunk.compiled(299) || chunk.compiled(310) || chunk.compiled(599));
        assertEquals(null, TieringPolicy.peek(module.validated()));
    }

    @Test
    void loopsOsrCannotEnterKeepRunningInTheInterpreter() {
        // Both loops run with a value below them on the stack, so they have no OSR entry: at their
        // backward branches the interpreter is refused and goes on, and the result is right.
        String wat = """
                (module
                  (import "t" "ready" (func $ready (result i32)))
                  (func (export "f") (param $n i32) (result i32) (local $i i32) (local $j i32)
                    (i32.const 1000)
                    (loop $busy
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $busy (i32.eqz (call $ready))))
                    (loop $more
                      (local.set $j (i32.add (local.get $j) (i32.const 1)))
                      (br_if $more (i32.lt_u (local.get $j) (local.get $n))))
                    (i32.add (local.get $j))))
                """;
        CompiledModule module = new Engine(Tier.AUTO).compileText(wat);
        Linker linker = new Linker().function("t", "ready", new FuncType(List.of(), List.of(NumType.I32)),
                (values, refs) -> values[0] = TieredTier.compiled(module.validated()) ? 1 : 0);
        Instance i = module.instantiate(linker);
        assertEquals(1000 + 50_000, i.function("f").call(50_000)[0]);
        assertEquals(1000 + 7, i.function("f").call(7)[0]);
    }

    @Test
    void theInterpreterTierNeverCompiles() {
        CompiledModule module = new Engine(Tier.INTERP).compileText(HOT);
        Instance i = module.instantiate();
        for (int k = 0; k < 5000; k++) {
            assertEquals(k * k, i.function("callSq").call(k)[0]);
        }
        assertEquals(null, TieringPolicy.peek(module.validated()));
        assertEquals(null, ((WasmFunction) i.runtime().export("callSq")).compiledCode);
    }
}
