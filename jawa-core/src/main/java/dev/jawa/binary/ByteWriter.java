package dev.jawa.binary;

import dev.jawa.types.AbsHeapType;
import dev.jawa.types.HeapType;
import dev.jawa.types.NumType;
import dev.jawa.types.RefType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;
import dev.jawa.types.VecType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that writes the primitive encodings of the binary format, always in
 * canonical form (minimal LEB128, short forms of nullable abstract reference types).
 */
public class ByteWriter {

    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(64);
    }

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** The number of bytes written. */
    public final int size() {
        return size;
    }

    /** Forgets everything written, keeping the buffer. */
    public final void reset() {
        size = 0;
    }

    /** A copy of the bytes written. */
    public final byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    /** One byte. */
    public final ByteWriter u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    /** Raw bytes. */
    public final ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /** Raw bytes from a range. */
    public final ByteWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** Everything another writer holds. */
    public final ByteWriter bytes(ByteWriter other) {
        return bytes(other.buf, 0, other.size);
    }

    /** An unsigned LEB128 integer of a 32-bit value (the int's bits taken as unsigned). */
    public final ByteWriter u32(int v) {
        return u64(v & 0xFFFF_FFFFL);
    }

    /** An unsigned LEB128 integer of a 64-bit value. */
    public final ByteWriter u64(long v) {
        ensure(10);
        do {
            int b = (int) (v & 0x7F);
            v >>>= 7;
            buf[size++] = (byte) (v != 0 ? b | 0x80 : b);
        } while (v != 0);
        return this;
    }

    /** A signed LEB128 integer (s32, s33 and s64 share the encoding of their value). */
    public final ByteWriter s64(long v) {
        ensure(10);
        while (true) {
            int b = (int) (v & 0x7F);
            v >>= 7;
            boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
            buf[size++] = (byte) (done ? b : b | 0x80);
            if (done) {
                return this;
            }
        }
    }

    /** Four little-endian bytes. */
    public final ByteWriter fixed32(int v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
        return this;
    }

    /** Eight little-endian bytes. */
    public final ByteWriter fixed64(long v) {
        fixed32((int) v);
        return fixed32((int) (v >>> 32));
    }

    /** A name: its UTF-8 length then its bytes. */
    public final ByteWriter name(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        u32(b.length);
        return bytes(b);
    }

    /** A value type. */
    public final ByteWriter valType(ValType t) {
        return switch (t) {
            case NumType n -> u8(n.code());
            case VecType v -> u8(v.code());
            case RefType r -> refType(r);
        };
    }

    /** A reference type, in its short form where one exists. */
    public final ByteWriter refType(RefType r) {
        if (r.nullable() && r.heapType() instanceof AbsHeapType abs) {
            return u8(abs.code());
        }
        u8(r.nullable() ? 0x63 : 0x64);
        return heapType(r.heapType());
    }

    /** A heap type. */
    public final ByteWriter heapType(HeapType h) {
        return switch (h) {
            case AbsHeapType abs -> u8(abs.code());
            case TypeIndex idx -> s64(idx.index());
        };
    }
}
