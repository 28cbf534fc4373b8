package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.CompiledModule;
import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Tier;
import dev.jawa.binary.BinaryEncoder;
import dev.jawa.text.TextParser;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module too large for one generated class (see {@link ClassSplit}): its functions are spread
 * over several, and calls between them (direct, indirect, tail, with one- and two-slot parameters)
 * give the results a Java model of the module computes, compiled now and loaded from an archive.
 */
class LargeModuleJitTest {

    /** Chained functions; with {@link #ROUNDS} the module has about 700 KB of code, three classes or more. */
    private static final int FUNCTIONS = 160;
    /** Rounds of arithmetic per function (about 11 bytes of code each). */
    private static final int ROUNDS = 400;

    private static byte[] wasm;

    @BeforeAll
    static void generate() {
        StringBuilder sb = new StringBuilder("(module\n");
        sb.append("  (type $t (func (param i32) (result i32)))\n");
        sb.append("  (table ").append(FUNCTIONS).append(" funcref)\n  (elem (i32.const 0)");
        for (int i = 0; i < FUNCTIONS; i++) {
            sb.append(" $f").append(i);
        }
        sb.append(")\n");
        // The first function calls the last one: two-slot parameters across classes.
        sb.append("""
                  (func $wide (export "wide") (param i64 f64) (result f64)
                    (call $wideEnd (i64.add (local.get 0) (i64.const 1)) (f64.mul (local.get 1) (f64.const 2))))
                """);
        for (int i = 0; i < FUNCTIONS; i++) {
            sb.append("  (func $f").append(i).append(" (type $t)\n");
            for (int r = 0; r < ROUNDS; r++) {
                sb.append("    local.get 0 i32.const ").append(constant(i, r))
                        .append(" i32.xor i32.const 7 i32.mul local.set 0\n");
            }
            sb.append(i == 0 ? "    local.get 0)\n" : "    local.get 0 call $f" + (i - 1) + ")\n");
        }
        sb.append("""
                  (func (export "last") (param i32) (result i32) (call $f%1$d (local.get 0)))
                  (func (export "tail") (param i32) (result i32) (return_call $f%1$d (local.get 0)))
                  (func (export "indirect") (param i32 i32) (result i32)
                    (call_indirect (type $t) (local.get 1) (local.get 0)))
                  (func $wideEnd (param i64 f64) (result f64)
                    (f64.add (f64.convert_i64_s (local.get 0)) (local.get 1))))
                """.formatted(FUNCTIONS - 1));
        wasm = BinaryEncoder.encode(TextParser.parseModule(sb.toString()));
    }

    private static int constant(int function, int round) {
        return function * 31 + round;
    }

    /** What {@code $f<function>} returns for {@code x}. */
    private static int model(int function, int x) {
        for (int f = function; f >= 0; f--) {
            for (int r = 0; r < ROUNDS; r++) {
                x = (x ^ constant(f, r)) * 7;
            }
        }
        return x;
    }

    private static void check(Instance instance) {
        for (int x : new int[] {0, 1, -5, 123456789}) {
            assertEquals(model(FUNCTIONS - 1, x), (int) instance.function("last").call(x)[0]);
            assertEquals(model(FUNCTIONS - 1, x), (int) instance.function("tail").call(x)[0]);
        }
        for (int f : new int[] {0, 1, FUNCTIONS / 2, FUNCTIONS - 1}) {
            assertEquals(model(f, 99), (int) instance.function("indirect").call(f, 99)[0]);
        }
        long result = instance.function("wide").call(41L, Double.doubleToRawLongBits(1.25))[0];
        assertEquals(44.5, Double.longBitsToDouble(result));
    }

    private static int classes(Instance instance) {
        return JitTier.code(instance.runtime().module()).classCount();
    }

    @Test
    void theModuleNeedsSeveralClasses() {
        assertTrue(wasm.length > 2 * ClassSplit.DEFAULT_CLASS_BYTES, "module of " + wasm.length + " bytes");
        Instance instance = new Engine(Tier.JIT).compile(wasm).instantiate();
        check(instance);
        assertTrue(classes(instance) >= 3, classes(instance) + " classes");
    }

    @Test
    void theInterpreterAgrees() {
        check(new Engine(Tier.INTERP).compile(wasm).instantiate());
    }

    @Test
    void anArchiveStoresEveryClass(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("large.jar");
        AotArchive.write(wasm, jar);
        CompiledModule module = new Engine(Tier.JIT).load(jar);
        assertTrue(AotArchive.hasCode(module.validated()));
        Instance instance = module.instantiate();
        check(instance);
        assertTrue(classes(instance) >= 3, classes(instance) + " classes");
    }
}
