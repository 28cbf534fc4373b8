package dev.jawa.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jawa.Engine;
import dev.jawa.Function;
import dev.jawa.Instance;
import dev.jawa.Trap;
import org.junit.jupiter.api.Test;

/**
 * Memories beyond what one Java array holds: a 32-bit memory grown to its full 4 GiB and a
 * memory64 grown past 2 GiB, read and written at the top, with the out-of-bounds traps at the
 * exact boundary. They need the heap: each test skips, saying so, when the JVM's maximum heap is
 * too small.
 */
class LargeMemoryTest {

    private static final long GIB = 1L << 30;

    private static void assumeHeap(long bytes) {
        long max = Runtime.getRuntime().maxMemory();
        assumeTrue(max >= bytes, "needs a heap of " + bytes / GIB + " GiB for a large memory; the JVM's maximum is "
                + max / (1 << 20) + " MiB (raise -Xmx to run this test)");
    }

    private static void trapsOutOfBounds(Function f, long... args) {
        assertEquals("out of bounds memory access", assertThrows(Trap.class, () -> f.call(args)).reason());
    }

    @Test
    void a32BitMemoryGrowsToFourGiB() {
        assumeHeap(5 * GIB);
        Instance inst = new Engine().compileText("""
                (module
                  (memory (export "mem") 1)
                  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
                  (func (export "size") (result i32) (memory.size))
                  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
                  (func (export "load8") (param i32) (result i32) (i32.load8_u (local.get 0)))
                  (func (export "load64") (param i32) (result i64) (i64.load offset=0x80000000 (local.get 0)))
                  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
                  (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))
                  (func (export "copy") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2))))
                """).instantiate();
        Function store = inst.function("store");
        Function load = inst.function("load");
        store.call(100, 42);
        assertEquals(1, inst.function("grow").call(32767)[0]); // 2 GiB: one page past the array limit
        assertEquals(32768, inst.function("size").call()[0]);
        assertEquals(32768, inst.function("grow").call(32768)[0]);
        assertEquals(65536, inst.function("size").call()[0]);
        assertEquals(-1, inst.function("grow").call(1)[0]);
        Memory mem = inst.memory("mem");
        assertNull(mem.bytes());
        assertEquals(4 * GIB, mem.byteSize());
        assertEquals(42, load.call(100)[0]); // kept across the change of backing

        store.call(0xFFFF_FFFCL, 0x12345678);
        assertEquals(0x12345678, load.call(0xFFFF_FFFCL)[0]);
        assertEquals(0x12, inst.function("load8").call(0xFFFF_FFFFL)[0]);
        trapsOutOfBounds(load, 0xFFFF_FFFDL);
        trapsOutOfBounds(store, 0xFFFF_FFFDL, 0);
        store.call(0x8000_FFFEL, 0xAABBCCDD); // straddles two pages
        assertEquals(0xAABBCCDD, load.call(0x8000_FFFEL)[0]);
        assertEquals(0xAABBCCDDL << 16 & 0xFFFF_FFFF_FFFFL, inst.function("load64").call(0xFFFCL)[0] & 0xFFFF_FFFF_FFFFL);
        trapsOutOfBounds(inst.function("load64"), 0x7FFF_FFF9L);

        inst.function("fill").call(0xFFFF_FFF0L, 0x5A, 16);
        assertEquals(0x5A5A5A5A, load.call(0xFFFF_FFFCL)[0]);
        trapsOutOfBounds(inst.function("fill"), 0xFFFF_FFF0L, 0, 17);
        inst.function("copy").call(0x1000, 0xFFFF_FFF0L, 16);
        assertArrayEquals(mem.read(0xFFFF_FFF0L, 16), mem.read(0x1000, 16));
        trapsOutOfBounds(inst.function("copy"), 0, 0xFFFF_FFF1L, 16);

        mem.writeLong(4 * GIB - 8, -7);
        assertEquals(-7, mem.readLong(4 * GIB - 8));
        assertThrows(Trap.class, () -> mem.readLong(4 * GIB - 7));
    }

    @Test
    void aMemory64GrowsPastTwoGiB() {
        assumeHeap(3 * GIB);
        Instance inst = new Engine().compileText("""
                (module
                  (memory (export "mem") i64 1)
                  (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0)))
                  (func (export "load") (param i64) (result i64) (i64.load (local.get 0)))
                  (func (export "store") (param i64 i64) (i64.store (local.get 0) (local.get 1)))
                  (func (export "store16") (param i64 i32) (i32.store16 offset=0x80000000 (local.get 0) (local.get 1))))
                """).instantiate();
        long pages = 32769;
        long size = pages * 65536;
        assertEquals(1, inst.function("grow").call(pages - 1)[0]);
        Function load = inst.function("load");
        Function store = inst.function("store");
        store.call(size - 8, 0x1122334455667788L);
        assertEquals(0x1122334455667788L, load.call(size - 8)[0]);
        trapsOutOfBounds(load, size - 7);
        trapsOutOfBounds(load, -8);
        trapsOutOfBounds(store, size, 0);
        inst.function("store16").call(size - 2 - 0x8000_0000L, 0xBEEF);
        assertEquals(0xBEEF, load.call(size - 8)[0] >>> 48);
        trapsOutOfBounds(inst.function("store16"), size - 1 - 0x8000_0000L, 0);
        trapsOutOfBounds(inst.function("store16"), -1, 0); // the effective address overflows
        assertNull(inst.memory("mem").bytes());
    }
}
