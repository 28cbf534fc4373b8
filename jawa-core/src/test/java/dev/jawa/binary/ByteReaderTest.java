package dev.jawa.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.MalformedModuleException;
import org.junit.jupiter.api.Test;

class ByteReaderTest {

    private static ByteReader reader(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ByteReader(b, 0, b.length, 0);
    }

    private static String failure(Runnable r) {
        return assertThrows(MalformedModuleException.class, r::run).reason();
    }

    @Test
    void u32DecodesAndChecksWidth() {
        assertEquals(624485, reader(0xE5, 0x8E, 0x26).u32());
        assertEquals(-1, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).u32());
        assertEquals("integer too large", failure(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x1F).u32()));
        assertEquals("integer representation too long",
                failure(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x00).u32()));
        assertEquals("unexpected end of section or function", failure(() -> reader(0x80).u32()));
    }

    @Test
    void signedDecodingChecksSignExtensionOfLastByte() {
        assertEquals(-1, reader(0x7F).s32());
        assertEquals(Integer.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x78).s32());
        assertEquals(Integer.MAX_VALUE, reader(0xFF, 0xFF, 0xFF, 0xFF, 0x07).s32());
        assertEquals("integer too large", failure(() -> reader(0x80, 0x80, 0x80, 0x80, 0x70).s32()));
        assertEquals("integer too large", failure(() -> reader(0xFF, 0xFF, 0xFF, 0xFF, 0x0F).s32()));
        assertEquals(Long.MIN_VALUE, reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F).s64());
        assertEquals("integer too large",
                failure(() -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).s64()));
        assertEquals(-0x1_0000_0000L, reader(0x80, 0x80, 0x80, 0x80, 0x70).s33());
    }

    @Test
    void notesNonMinimalEncodings() {
        ByteReader minimal = reader(0x05, 0x7F, 0x3F);
        minimal.u32();
        minimal.s32();
        minimal.s32();
        assertTrue(minimal.isCanonical());
        ByteReader padded = reader(0x85, 0x00);
        assertEquals(5, padded.u32());
        assertFalse(padded.isCanonical());
        ByteReader paddedNegative = reader(0xFF, 0x7F);
        assertEquals(-1, paddedNegative.s32());
        assertFalse(paddedNegative.isCanonical());
    }

    @Test
    void namesMustBeUtf8() {
        assertEquals("hé", reader(3, 'h', 0xC3, 0xA9).name());
        assertEquals("malformed UTF-8 encoding", failure(() -> reader(2, 0xC0, 0x80).name()));
        assertEquals("malformed UTF-8 encoding", failure(() -> reader(3, 0xED, 0xA0, 0x80).name()));
    }
}
