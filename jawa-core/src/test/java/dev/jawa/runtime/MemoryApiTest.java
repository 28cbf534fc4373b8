package dev.jawa.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Trap;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Memory from Java: typed reads and writes, bulk copies, strings and their bounds, on both
 * backings (an ordinary memory is one array, a shared one is paged).
 */
class MemoryApiTest {

    private static Instance instance(String memory) {
        return new Engine().compileText("(module (memory (export \"mem\") " + memory + ")"
                + " (func (export \"load\") (param i32) (result i32) (i32.load (local.get 0)))"
                + " (func (export \"copy\") (param i32 i32 i32) (memory.copy (local.get 0) (local.get 1) (local.get 2))))")
                .instantiate();
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "3 3 shared"})
    void typedAccessesAreLittleEndianAndSeenByWebAssembly(String decl) {
        Instance inst = instance(decl);
        Memory m = inst.memory("mem");
        assertEquals(decl.contains("shared"), m.bytes() == null);
        m.writeInt(100, 0x11223344);
        assertEquals(0x44, m.readByte(100));
        assertEquals((short) 0x3344, m.readShort(100));
        assertEquals(0x11223344, inst.function("load").call(100)[0]);
        m.writeLong(200, -2L);
        assertEquals(-2L, m.readLong(200));
        m.writeFloat(300, 1.5f);
        assertEquals(1.5f, m.readFloat(300));
        m.writeDouble(400, -0.25);
        assertEquals(-0.25, m.readDouble(400));
        m.writeShort(65535, (short) 0xBEEF); // straddles the two pages
        assertEquals((short) 0xBEEF, m.readShort(65535));
        m.writeByte(131071, (byte) 7);
        assertEquals(7, m.readByte(131071));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "3 3 shared"})
    void bulkCopiesGoThroughArraysAndBuffers(String decl) {
        Instance inst = instance(decl);
        Memory m = inst.memory("mem");
        byte[] data = new byte[70_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        m.write(1000, data);
        assertArrayEquals(data, m.read(1000, data.length));
        byte[] part = new byte[10];
        m.read(1003, part, 2, 5);
        assertArrayEquals(new byte[] {0, 0, data[3], data[4], data[5], data[6], data[7], 0, 0, 0}, part);

        ByteBuffer direct = ByteBuffer.allocateDirect(80_000);
        m.read(1000, direct.limit(data.length));
        assertEquals(data.length, direct.position());
        direct.flip();
        m.write(100_000, direct);
        assertEquals(data.length, direct.position());
        assertArrayEquals(data, m.read(100_000, data.length));
        ByteBuffer heap = ByteBuffer.wrap(new byte[] {9, 8, 7, 6}, 1, 2);
        m.write(5, heap);
        assertEquals(3, heap.position());
        assertArrayEquals(new byte[] {8, 7}, m.read(5, 2));

        // memory.copy overlapping, both directions, across the page boundary
        inst.function("copy").call(1001, 1000, 69_000);
        assertArrayEquals(java.util.Arrays.copyOf(data, 69_000), m.read(1001, 69_000));
        inst.function("copy").call(1000, 1001, 69_000);
        assertArrayEquals(java.util.Arrays.copyOf(data, 69_000), m.read(1000, 69_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1 1 shared"})
    void stringsAreUtf8(String decl) {
        Memory m = instance(decl).memory("mem");
        assertEquals(7, m.writeCString(10, "h\u00e9llo"));
        assertEquals("h\u00e9llo", m.readCString(10));
        assertEquals("h\u00e9", m.readUtf8(10, 3));
        assertEquals(4, m.writeUtf8(65532, "wasm"));
        assertEquals("wasm", m.readUtf8(65532, 4));
        Trap noNul = assertThrows(Trap.class, () -> m.readCString(65532));
        assertEquals("out of bounds memory access", noNul.reason());
        assertThrows(Trap.class, () -> m.writeCString(65532, "wasm")); // the NUL does not fit
        assertEquals("wasm", m.readUtf8(65532, 4)); // and nothing was written
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1 1 shared"})
    void outOfBoundsAccessesNameTheAccess(String decl) {
        Memory m = instance(decl).memory("mem");
        Trap t = assertThrows(Trap.class, () -> m.readInt(65533));
        assertEquals("out of bounds memory access", t.reason());
        assertTrue(t.getMessage().contains("4 bytes at address 65533 in a memory of 65536 bytes"), t.getMessage());
        assertThrows(Trap.class, () -> m.writeLong(-1L, 0));
        assertThrows(Trap.class, () -> m.read(65530, 7));
        assertThrows(Trap.class, () -> m.write(65536, new byte[1]));
        assertThrows(Trap.class, () -> m.read(0, ByteBuffer.allocate(65537)));
        assertEquals(0, m.read(65536, 0).length);
        assertThrows(IllegalArgumentException.class, () -> m.read(0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.read(0, new byte[4], 2, 3));
        m.writeInt(65532, 1);
        assertEquals(1, m.readInt(65532));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 3", "1 3 shared"})
    void growingKeepsContents(String decl) {
        Memory m = instance(decl).memory("mem");
        m.writeLong(65528, 0x0102030405060708L);
        assertEquals(1, m.grow(2));
        assertEquals(3, m.pages());
        assertEquals(3L * 65536, m.byteSize());
        assertEquals(0x0102030405060708L, m.readLong(65528));
        assertEquals(0, m.readLong(3L * 65536 - 8));
        assertEquals(-1, m.grow(1));
        if (decl.contains("shared")) {
            assertNull(m.bytes());
        } else {
            assertNotNull(m.bytes());
        }
    }
}
