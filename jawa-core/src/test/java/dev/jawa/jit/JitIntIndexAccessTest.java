package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jawa.Engine;
import dev.jawa.Function;
import dev.jawa.Instance;
import dev.jawa.Linker;
import dev.jawa.Tier;
import dev.jawa.Trap;
import dev.jawa.runtime.Memory;
import dev.jawa.types.FuncType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiled tier's int-index memory path ({@link IntIndexAccess}): every access size at the
 * exact ends of the memory, addresses of 2^31 and more (as unsigned) and sums that wrap as ints,
 * an empty memory that later grows, and hot loops (compiled by C2) that then trap.
 */
class JitIntIndexAccessTest {

    private static final String MODULE = """
            (module
              (memory (export "mem") 1)
              (func (export "i32") (param i32) (result i32) (i32.load (local.get 0)))
              (func (export "i32big") (param i32) (result i32) (i32.load offset=0x7fffffff (local.get 0)))
              (func (export "i32huge") (param i32) (result i32) (i32.load offset=0x80000000 (local.get 0)))
              (func (export "i64") (param i32) (result i64) (i64.load offset=8 (local.get 0)))
              (func (export "u16") (param i32) (result i32) (i32.load16_u (local.get 0)))
              (func (export "s16") (param i32) (result i32) (i32.load16_s (local.get 0)))
              (func (export "u8") (param i32) (result i32) (i32.load8_u offset=1 (local.get 0)))
              (func (export "s8") (param i32) (result i32) (i32.load8_s (local.get 0)))
              (func (export "st32") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
              (func (export "st64") (param i32 i64) (i64.store offset=4 (local.get 0) (local.get 1)))
              (func (export "st16") (param i32 i32) (i32.store16 (local.get 0) (local.get 1)))
              (func (export "st8") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
              ;; sums the i32s at 0, 4, ... below $end, storing each index back: a hot loop
              (func (export "sum") (param $end i32) (result i32) (local $a i32) (local $s i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.ge_u (local.get $a) (local.get $end)))
                    (i32.store (local.get $a) (i32.add (i32.load (local.get $a)) (i32.const 1)))
                    (local.set $s (i32.add (local.get $s) (i32.load (local.get $a))))
                    (local.set $a (i32.add (local.get $a) (i32.const 4)))
                    (br $next)))
                (local.get $s)))
            """;

    private static Instance instance() {
        return new Engine(Tier.JIT).compileText(MODULE).instantiate();
    }

    private static void traps(Function f, long... args) {
        assertEquals("out of bounds memory access", assertThrows(Trap.class, () -> f.call(args)).reason());
    }

    @Test
    void eachSizeReadsAndTrapsAtTheExactEnd() {
        Instance inst = instance();
        Memory mem = inst.memory("mem");
        mem.writeLong(65528, 0x8877_6655_4433_2211L);
        assertEquals(0x8877_6655, inst.function("i32").call(65532)[0]);
        traps(inst.function("i32"), 65533);
        assertEquals(0x8877_6655_4433_2211L, inst.function("i64").call(65520)[0]);
        traps(inst.function("i64"), 65521);
        assertEquals(0x8877, inst.function("u16").call(65534)[0]);
        assertEquals((short) 0x8877, inst.function("s16").call(65534)[0]);
        traps(inst.function("u16"), 65535);
        assertEquals(0x88, inst.function("u8").call(65534)[0]);
        traps(inst.function("u8"), 65535);
        assertEquals((byte) 0x88, inst.function("s8").call(65535)[0]);
        traps(inst.function("s8"), 65536);
    }

    @Test
    void addressesOfTwoToTheThirtyOneAndWrappingSumsTrap() {
        Instance inst = instance();
        for (long addr : new long[] {0x8000_0000L, 0xFFFF_FFFFL, 0xFFFF_FFFCL, 0x7FFF_FFFFL}) {
            traps(inst.function("i32"), addr);
            traps(inst.function("s8"), addr);
            traps(inst.function("st32"), addr, 1);
        }
        // addr + 0x7fffffff wraps to a small int for addr = 2^31 + 1 ... : still out of bounds
        traps(inst.function("i32big"), 0);
        traps(inst.function("i32big"), 0x8000_0001L);
        traps(inst.function("i32big"), 0xFFFF_FFFFL);
        // an offset of 2^31 takes the long-address path
        traps(inst.function("i32huge"), 0);
        traps(inst.function("i32huge"), 0x8000_0000L);
    }

    @Test
    void aTrappingStoreWritesNothing() {
        Instance inst = instance();
        Memory mem = inst.memory("mem");
        mem.writeLong(65528, -1L);
        traps(inst.function("st64"), 65525, 0);
        traps(inst.function("st32"), 65533, 0);
        traps(inst.function("st16"), 65535, 0);
        traps(inst.function("st8"), 65536, 0);
        assertEquals(-1L, mem.readLong(65528));
        inst.function("st64").call(65520, 0x0102_0304_0506_0708L);
        inst.function("st16").call(0, 0xABCD);
        inst.function("st8").call(2, 0x1EF);
        assertEquals(0x0102_0304_0506_0708L, mem.readLong(65524));
        assertEquals(0xEFABCD, inst.function("i32").call(0)[0]);
    }

    @Test
    void anEmptyMemoryTrapsThenWorksOnceGrown() {
        Instance inst = new Engine(Tier.JIT).compileText("""
                (module
                  (memory 0)
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
                  (func (export "rw") (param i32) (result i32)
                    (i32.store (local.get 0) (i32.const 7))
                    (i32.load (local.get 0))))
                """).instantiate();
        traps(inst.function("rw"), 0);
        assertEquals(0, inst.function("grow").call(1)[0]);
        assertEquals(7, inst.function("rw").call(65532)[0]);
        traps(inst.function("rw"), 65533);
    }

    @Test
    void hotLoopsSeeGrowthAndTrapAtTheNewEnd() {
        Instance inst = instance();
        Function sum = inst.function("sum");
        for (int round = 1; round <= 40; round++) {
            assertEquals(round * 16384, sum.call(65536)[0]);
        }
        traps(sum, 65540);
        assertEquals(1, inst.function("grow").call(1)[0]);
        // the first page's words were incremented 42 times (the trapping call got through them
        // all before failing at 65536), the second page's once
        assertEquals(42 * 16384 + 16384, sum.call(131072)[0]);
        traps(sum, 131073);
    }

    /**
     * Every way memory 0's array can be replaced while a compiled function runs (a host call, a
     * wasm call, memory.grow itself, a callee that grows and then throws to a catch): the stores
     * after it land in the memory's new array (read back through the API), and the new page is
     * reachable at once.
     */
    @Test
    void storesAfterAGrowthLandInTheNewArray() {
        Memory[] mem = new Memory[1];
        Linker linker = new Linker().function("env", "grow", new FuncType(List.of(), List.of()),
                (values, refs) -> mem[0].grow(1));
        Instance inst = new Engine(Tier.JIT).compileText("""
                (module
                  (import "env" "grow" (func $hostGrow))
                  (memory (export "mem") 1)
                  (tag $t)
                  (func $wasmGrow (drop (memory.grow (i32.const 1))))
                  (func $growAndThrow (call $wasmGrow) (throw $t))
                  (func (export "viaHost") (param $a i32) (result i32)
                    (i32.store (i32.const 8) (i32.const 1))
                    (call $hostGrow)
                    (i32.store (i32.const 16) (i32.const 2))
                    (i32.store (local.get $a) (i32.const 3))
                    (i32.load (local.get $a)))
                  (func (export "viaWasm") (param $a i32) (result i32)
                    (i32.store (i32.const 8) (i32.const 1))
                    (call $wasmGrow)
                    (i32.store (i32.const 24) (i32.const 4))
                    (i32.store (local.get $a) (i32.const 5))
                    (i32.load (local.get $a)))
                  (func (export "viaGrow") (param $a i32) (result i32)
                    (i32.store (i32.const 8) (i32.const 1))
                    (drop (memory.grow (i32.const 1)))
                    (i32.store (i32.const 32) (i32.const 6))
                    (i32.store (local.get $a) (i32.const 7))
                    (i32.load (local.get $a)))
                  (func (export "viaCatch") (param $a i32) (result i32)
                    (i32.store (i32.const 8) (i32.const 1))
                    (block $caught (try_table (catch $t $caught) (call $growAndThrow)))
                    (i32.store (i32.const 40) (i32.const 8))
                    (i32.store (local.get $a) (i32.const 9))
                    (i32.load (local.get $a))))
                """).instantiate(linker);
        mem[0] = inst.memory("mem");
        assertEquals(3, inst.function("viaHost").call(65536)[0]);
        assertEquals(2, mem[0].readInt(16));
        assertEquals(3, mem[0].readInt(65536));
        assertEquals(5, inst.function("viaWasm").call(2 * 65536)[0]);
        assertEquals(4, mem[0].readInt(24));
        assertEquals(5, mem[0].readInt(2 * 65536));
        assertEquals(7, inst.function("viaGrow").call(3 * 65536)[0]);
        assertEquals(6, mem[0].readInt(32));
        assertEquals(7, mem[0].readInt(3 * 65536));
        assertEquals(9, inst.function("viaCatch").call(4 * 65536)[0]);
        assertEquals(8, mem[0].readInt(40));
        assertEquals(9, mem[0].readInt(4 * 65536));
        assertEquals(5, mem[0].pages());
    }

    /** The same through a split-off region (every stretch split): the caller's array is reloaded after the region. */
    @Test
    void aRegionThatGrowsTheMemoryLeavesItsCallerTheNewArray() {
        String old = System.getProperty("jawa.jit.splitBytes");
        System.setProperty("jawa.jit.splitBytes", "0");
        try {
            Instance inst = new Engine(Tier.JIT).compileText("""
                    (module
                      (memory (export "mem") 1)
                      (func (export "f") (param $a i32) (result i32)
                        (i32.store (i32.const 8) (i32.const 1))
                        (block
                          (drop (memory.grow (i32.const 1)))
                          (i32.store (i32.const 12) (i32.const 2)))
                        (i32.store (i32.const 16) (i32.const 3))
                        (i32.store (local.get $a) (i32.const 4))
                        (i32.load (local.get $a))))
                    """).instantiate();
            assertEquals(4, inst.function("f").call(65536)[0]);
            Memory mem = inst.memory("mem");
            assertEquals(2, mem.readInt(12));
            assertEquals(3, mem.readInt(16));
            assertEquals(4, mem.readInt(65536));
        } finally {
            if (old == null) {
                System.clearProperty("jawa.jit.splitBytes");
            } else {
                System.setProperty("jawa.jit.splitBytes", old);
            }
        }
    }
}
