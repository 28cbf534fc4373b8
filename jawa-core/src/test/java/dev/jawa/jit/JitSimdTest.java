package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Tier;
import dev.jawa.Trap;
import dev.jawa.interp.SimdBridge;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.V128;
import dev.jawa.runtime.WasmFunction;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compiler tier's SIMD instructions (see {@link SimdEmitter}). */
class JitSimdTest {

    @Test
    void everySimdInstructionCompiles() {
        int n = 0;
        for (Opcode op : Opcode.values()) {
            if (SimdEmitter.owns(op)) {
                SimdEmitter.checkSupported(op); // throws if it has no helper
                n++;
            }
        }
        assertTrue(n > 230, "SIMD opcodes: " + n);
    }

    @Test
    void noInstructionHasTwoHelpers() {
        java.util.Set<String> opcodes = new java.util.HashSet<>();
        for (Opcode op : Opcode.values()) {
            opcodes.add(SimdEmitter.helperName(op));
        }
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        for (Class<?> c : new Class<?>[] {SimdLanes.class, SimdMemory.class, SimdArith.class, SimdInts.class, SimdFloats.class, SimdWiden.class}) {
            java.util.Set<String> mine = new java.util.HashSet<>();
            for (Method m : c.getDeclaredMethods()) {
                if (opcodes.contains(m.getName())) {
                    mine.add(m.getName());
                }
            }
            for (String name : mine) {
                String before = seen.put(name, c.getSimpleName());
                assertTrue(before == null, name + " in " + before + " and " + c.getSimpleName());
            }
        }
    }

    /** Vectors with lanes at the edges: zeros, ones, signs, NaNs and infinities, and random bits. */
    private static List<V128> samples() {
        List<V128> out = new ArrayList<>(List.of(V128.ZERO, new V128(-1, -1), new V128(0x8000_0000_8000_0000L, 0x7FFF_FFFF_7FFF_FFFFL),
                new V128(0x7FC0_0000_7F80_0000L, 0xFF80_0001_3F80_0000L), new V128(0x7FF8_0000_0000_0001L, 0xFFF0_0000_0000_0000L)));
        Random r = new Random(42);
        for (int i = 0; i < 40; i++) {
            out.add(new V128(r.nextLong(), r.nextLong()));
        }
        return out;
    }

    @Test
    void directHelpersAgreeWithTheInterpreter() throws Exception {
        List<V128> xs = samples();
        int checked = 0;
        for (Opcode op : Opcode.values()) {
            if (!SimdEmitter.owns(op) || !SimdBridge.handles(op)) {
                continue;
            }
            Method direct = directHelper(op);
            if (direct == null) {
                continue;
            }
            direct.setAccessible(true);
            for (V128 a : xs) {
                for (V128 b : xs) {
                    Object want;
                    Object got;
                    switch (op.stack()) {
                        case "v>v" -> {
                            want = SimdBridge.unary(a, op.ordinal());
                            got = direct.invoke(null, a);
                        }
                        case "vv>v" -> {
                            want = SimdBridge.binary(a, b, op.ordinal());
                            got = direct.invoke(null, a, b);
                        }
                        case "vvv>v" -> {
                            V128 c = new V128(a.high() ^ b.low(), b.high());
                            want = SimdBridge.ternary(a, b, c, op.ordinal());
                            got = direct.invoke(null, a, b, c);
                        }
                        case "v>i" -> {
                            want = SimdBridge.test(a, op.ordinal());
                            got = direct.invoke(null, a);
                        }
                        case "vi>v" -> {
                            int k = (int) b.low();
                            want = SimdBridge.shift(a, k, op.ordinal());
                            got = direct.invoke(null, a, k);
                        }
                        default -> {
                            continue;
                        }
                    }
                    assertTrue(same(op, want, got), op.mnemonic() + " of " + a + ", " + b + ": " + want + " vs " + got);
                    checked++;
                }
            }
        }
        assertTrue(checked > 0);
    }

    /**
     * Equal results; for float lanes any two NaNs count as equal (the spec lets a NaN result be
     * any arithmetic NaN, and the JVM's arithmetic and the interpreter's may pick different ones).
     */
    private static boolean same(Opcode op, Object want, Object got) {
        if (want.equals(got)) {
            return true;
        }
        if (!(want instanceof V128 w) || !(got instanceof V128 g) || !op.mnemonic().startsWith("f")) {
            return false;
        }
        boolean f32 = op.mnemonic().startsWith("f32");
        long[] ws = {w.low(), w.high()};
        long[] gs = {g.low(), g.high()};
        for (int h = 0; h < 2; h++) {
            if (f32) {
                for (int k = 0; k < 64; k += 32) {
                    float x = Float.intBitsToFloat((int) (ws[h] >>> k));
                    float y = Float.intBitsToFloat((int) (gs[h] >>> k));
                    if ((int) (ws[h] >>> k) != (int) (gs[h] >>> k) && !(Float.isNaN(x) && Float.isNaN(y))) {
                        return false;
                    }
                }
            } else if (ws[h] != gs[h] && !(Double.isNaN(Double.longBitsToDouble(ws[h])) && Double.isNaN(Double.longBitsToDouble(gs[h])))) {
                return false;
            }
        }
        return true;
    }

    private static Method directHelper(Opcode op) {
        for (Class<?> c : new Class<?>[] {SimdLanes.class, SimdArith.class, SimdInts.class, SimdFloats.class, SimdWiden.class}) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(SimdEmitter.helperName(op))) {
                    return m;
                }
            }
        }
        return null;
    }

    private static final String KERNEL = """
            (module
              (memory (export "memory") 1)
              ;; Fills n i32s at 0 with i*3-7, then sums them four lanes at a time.
              (func (export "sum") (param $n i32) (result i32) (local $i i32) (local $acc v128)
                (loop $fill
                  (i32.store (i32.shl (local.get $i) (i32.const 2))
                    (i32.sub (i32.mul (local.get $i) (i32.const 3)) (i32.const 7)))
                  (br_if $fill (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $n))))
                (local.set $i (i32.const 0))
                (loop $sum
                  (local.set $acc (i32x4.add (local.get $acc) (v128.load (i32.shl (local.get $i) (i32.const 2)))))
                  (br_if $sum (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 4))) (local.get $n))))
                (i32.add (i32.add (i32x4.extract_lane 0 (local.get $acc)) (i32x4.extract_lane 1 (local.get $acc)))
                         (i32.add (i32x4.extract_lane 2 (local.get $acc)) (i32x4.extract_lane 3 (local.get $acc)))))
              ;; f32x4 arithmetic, a splat, a shuffle, a bridged operator (f32x4.sqrt) and a lane store.
              (func (export "mix") (param $x f32) (result f32)
                (v128.store32_lane 1 (i32.const 64)
                  (f32x4.sqrt (f32x4.mul (f32x4.splat (local.get $x))
                    (i8x16.shuffle 4 5 6 7 0 1 2 3 12 13 14 15 8 9 10 11 (v128.const f32x4 1 4 9 16) (v128.const f32x4 0 0 0 0)))))
                (f32.load (i32.const 64)))
              (func (export "oob") (v128.store (i32.const 65530) (v128.const i64x2 -1 -1))))
            """;

    @Test
    void compiledKernelMatchesTheInterpreter() {
        Instance jit = new Engine(Tier.JIT).compileText(KERNEL).instantiate();
        Instance interp = new Engine(Tier.INTERP).compileText(KERNEL).instantiate();
        for (int n : new int[] {4, 64, 1000}) {
            assertArrayEquals(interp.function("sum").call(n), jit.function("sum").call(n));
        }
        long want = 0;
        for (int i = 0; i < 1000; i++) {
            want += i * 3 - 7;
        }
        assertEquals((int) want, (int) jit.function("sum").call(1000)[0]);
        assertTrue(((WasmFunction) jit.runtime().export("sum")).tierCode instanceof JitFunction);
        // Lane 1 of the shuffled vector is 1, so the stored lane is sqrt(4 * 1) = 2.
        assertEquals(Float.floatToRawIntBits(2f), (int) jit.function("mix").call(Float.floatToRawIntBits(4f))[0]);
        assertArrayEquals(interp.function("mix").call(Float.floatToRawIntBits(4f)), jit.function("mix").call(Float.floatToRawIntBits(4f)));
    }

    @Test
    void outOfBoundsStoreTrapsAndWritesNothing() {
        Instance jit = new Engine(Tier.JIT).compileText(KERNEL).instantiate();
        Trap t = assertThrows(Trap.class, () -> jit.function("oob").call());
        assertTrue(t.getMessage().startsWith("out of bounds memory access"), t.getMessage());
        byte[] tail = jit.runtime().memories()[0].read(65530, 6);
        assertArrayEquals(new byte[6], tail);
    }

    private static final String OTHER_MEMORIES = """
            (module
              (memory $m64 i64 1)
              (memory $shared 1 1 shared)
              ;; memory64: a v128 round trip and a lane load, at an i64 address
              (func (export "m64") (param $a i64) (result i64)
                (v128.store $m64 (local.get $a) (v128.const i64x2 0x1122334455667788 -2))
                (i64.add (i64x2.extract_lane 0 (v128.load $m64 (local.get $a)))
                  (i64x2.extract_lane 0 (v128.load16_lane $m64 1 (i64.add (local.get $a) (i64.const 8)) (v128.const i64x2 0 0)))))
              ;; a shared (paged) memory: splat load and a lane store
              (func (export "shared") (param $a i32) (result i32)
                (v128.store32_lane $shared 2 (local.get $a) (v128.const i32x4 1 2 3 4))
                (i32x4.extract_lane 3 (v128.load32_splat $shared (local.get $a)))))
            """;

    @Test
    void memory64AndSharedMemories() {
        Instance jit = new Engine(Tier.JIT).compileText(OTHER_MEMORIES).instantiate();
        Instance interp = new Engine(Tier.INTERP).compileText(OTHER_MEMORIES).instantiate();
        for (long a : new long[] {0, 100, 65536 - 16}) {
            assertArrayEquals(interp.function("m64").call(a), jit.function("m64").call(a));
        }
        // lane 1 of the i16x8 (bits 16-31 of i64 lane 0) got the 16 bits 0xFFFE (the low half of -2)
        assertEquals(0x1122334455667788L + 0xFFFE_0000L, jit.function("m64").call(0)[0]);
        Trap t = assertThrows(Trap.class, () -> jit.function("m64").call(65536 - 15));
        assertTrue(t.getMessage().startsWith("out of bounds memory access"), t.getMessage());
        assertThrows(Trap.class, () -> jit.function("m64").call(-16L));
        assertNull(jit.runtime().memories()[1].bytes()); // shared: paged
        assertArrayEquals(new long[] {3}, jit.function("shared").call(40));
        assertArrayEquals(interp.function("shared").call(65532), jit.function("shared").call(65532));
        assertThrows(Trap.class, () -> jit.function("shared").call(65533));
    }
}
