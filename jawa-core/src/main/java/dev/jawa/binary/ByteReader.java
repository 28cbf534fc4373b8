package dev.jawa.binary;

import dev.jawa.MalformedModuleException;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.HeapType;
import dev.jawa.types.NumType;
import dev.jawa.types.RefType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;
import dev.jawa.types.VecType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive encodings of the binary format (bytes, LEB128 integers, floats, names,
 * value and heap types) from a byte array, within a limit, reporting errors with the spec's
 * wording and the absolute byte offset.
 *
 * <p>It also notes whether everything read so far was canonical (minimal LEB128, short forms of
 * reference types), so the decoder can keep input code bytes as they are in the common case.
 */
public class ByteReader {

    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** For n = 1..8, the mask of the 7-bit groups of an n-byte LEB128 number in a long. */
    private static final long[] GROUPS = new long[9];

    static {
        for (int n = 1; n <= 8; n++) {
            GROUPS[n] = 0x7F7F_7F7F_7F7F_7F7FL & (n == 8 ? -1L : (1L << (n * 8)) - 1);
        }
    }

    /** The input. */
    protected final byte[] buf;
    /** The next byte to read. */
    protected int pos;
    /** One past the last byte this reader may read. */
    protected int limit;
    /** The absolute offset of {@code buf[0]} in the input, for error messages. */
    protected final long base;
    /** False once anything non-canonical has been read. */
    protected boolean canonical = true;

    /** A reader of {@code buf[start, end)}; {@code base} is the absolute offset of {@code buf[0]}. */
    public ByteReader(byte[] buf, int start, int end, long base) {
        this.buf = buf;
        this.pos = start;
        this.limit = end;
        this.base = base;
    }

    /** The index in the buffer of the next byte to read. */
    public int position() {
        return pos;
    }

    /** Moves to buffer index {@code p} (within the limit). */
    public void position(int p) {
        pos = p;
    }

    /** The buffer index this reader may not reach. */
    public int limit() {
        return limit;
    }

    /** Narrows or widens the readable range to end at buffer index {@code end}. */
    public void limit(int end) {
        limit = end;
    }

    /** Whether bytes remain before the limit. */
    public boolean hasMore() {
        return pos < limit;
    }

    /** The number of bytes before the limit. */
    public int remaining() {
        return limit - pos;
    }

    /** The absolute input offset of the next byte. */
    public long offset() {
        return base + pos;
    }

    /** Whether everything read so far was in canonical (minimal) encoding. */
    public boolean isCanonical() {
        return canonical;
    }

    /** Forgets earlier non-canonical reads. */
    public void resetCanonical() {
        canonical = true;
    }

    /** An exception for the problem {@code reason} at the current position. */
    public MalformedModuleException error(String reason) {
        return new MalformedModuleException(reason, base + pos);
    }

    /** An exception for the problem {@code reason} at buffer index {@code at}. */
    public MalformedModuleException errorAt(String reason, int at) {
        return new MalformedModuleException(reason, base + at);
    }

    /**
     * The error for running off the end. The spec's reference interpreter reports every
     * truncation as "unexpected end of section or function", and the testsuite's shorter
     * expectation "unexpected end" is a prefix of it, so one wording serves every case.
     */
    protected MalformedModuleException endError() {
        return error("unexpected end of section or function");
    }

    /** One byte, unsigned. */
    public final int u8() {
        if (pos >= limit) {
            throw endError();
        }
        return buf[pos++] & 0xFF;
    }

    /** The next byte without consuming it. */
    public final int peek() {
        if (pos >= limit) {
            throw endError();
        }
        return buf[pos] & 0xFF;
    }

    /** An unsigned 32-bit LEB128 integer (returned as an int holding the 32 bits). */
    public final int u32() {
        int p = pos;
        if (p < limit) {
            int b = buf[p];
            if (b >= 0) {
                pos = p + 1;
                return b;
            }
        }
        return (int) uleb(32);
    }

    /**
     * An unsigned 32-bit LEB128 used as a count or index that must fit in a Java int; larger
     * values (which no real module can satisfy) are reported as {@code what} out of range.
     */
    public final int u32AsInt(String tooLarge) {
        int start = pos;
        int v = u32();
        if (v < 0) {
            throw errorAt(tooLarge, start);
        }
        return v;
    }

    /** An unsigned 64-bit LEB128 integer. */
    public final long u64() {
        int p = pos;
        if (p < limit) {
            int b = buf[p];
            if (b >= 0) {
                pos = p + 1;
                return b;
            }
        }
        return uleb(64);
    }

    /** A signed 32-bit LEB128 integer. */
    public final int s32() {
        int p = pos;
        if (p < limit) {
            int b = buf[p];
            if (b >= 0) {
                pos = p + 1;
                return (b << 25) >> 25; // sign-extend the 7 bits
            }
        }
        return (int) sleb(32);
    }

    /** A signed 33-bit LEB128 integer (block types and heap types). */
    public final long s33() {
        return sleb(33);
    }

    /** A signed 64-bit LEB128 integer. */
    public final long s64() {
        int p = pos;
        if (p < limit) {
            int b = buf[p];
            if (b >= 0) {
                pos = p + 1;
                return (b << 25) >> 25; // sign-extend the 7 bits
            }
        }
        return sleb(64);
    }

    private long uleb(int bits) {
        int maxBytes = (bits + 6) / 7;
        int p = pos;
        if (limit - p >= 8) {
            // Fast path without a branch per byte: take eight bytes at once, find the last byte
            // of the number by its clear top bit, and gather the 7-bit groups with one
            // compress. Numbers of the maximal length, which need the width checks, are left to
            // the careful loop below.
            long x = (long) LONG_LE.get(buf, p);
            long ends = ~x & 0x8080_8080_8080_8080L;
            int len = (Long.numberOfTrailingZeros(ends) >>> 3) + 1;
            if (ends != 0 && len < maxBytes) {
                long value = Long.compress(x, GROUPS[len]);
                if (len > 1 && (int) (x >>> ((len - 1) << 3) & 0xFF) == 0) {
                    canonical = false;
                }
                pos = p + len;
                return value;
            }
        }
        long result = 0;
        int shift = 0;
        for (int i = 0; ; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw errorAt("integer representation too long", pos - 1);
                }
                int unused = b >> (bits - shift);
                if (unused != 0) {
                    throw errorAt("integer too large", pos - 1);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    canonical = false;
                }
                return result;
            }
            shift += 7;
        }
    }

    private long sleb(int bits) {
        int maxBytes = (bits + 6) / 7;
        int p = pos;
        if (limit - p >= 8) {
            // Fast path as in uleb, then sign extension from the last group's top bit.
            long x = (long) LONG_LE.get(buf, p);
            long ends = ~x & 0x8080_8080_8080_8080L;
            int len = (Long.numberOfTrailingZeros(ends) >>> 3) + 1;
            if (ends != 0 && len < maxBytes) {
                int unused = 64 - 7 * len;
                long value = Long.compress(x, GROUPS[len]) << unused >> unused;
                if (len > 1) {
                    int last = (int) (x >>> ((len - 1) << 3)) & 0xFF;
                    int prev = (int) (x >>> ((len - 2) << 3)) & 0xFF;
                    if ((last == 0 && (prev & 0x40) == 0) || (last == 0x7F && (prev & 0x40) != 0)) {
                        canonical = false;
                    }
                }
                pos = p + len;
                return value;
            }
        }
        long result = 0;
        int shift = 0;
        int prev = 0;
        for (int i = 0; ; i++) {
            int b = u8();
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    throw errorAt("integer representation too long", pos - 1);
                }
                // The bits of the last byte beyond the type's width must all equal its sign bit.
                int used = bits - shift;
                int signAndUnused = b >> (used - 1);
                int all = (1 << (7 - used + 1)) - 1;
                if (signAndUnused != 0 && signAndUnused != all) {
                    throw errorAt("integer too large", pos - 1);
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (i > 0 && ((b == 0 && (prev & 0x40) == 0) || (b == 0x7F && (prev & 0x40) != 0))) {
                    canonical = false;
                }
                if (shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                return result;
            }
            prev = b;
        }
    }

    /** Four little-endian bytes (an f32's bits). */
    public final int fixed32() {
        if (limit - pos < 4) {
            pos = limit;
            throw endError();
        }
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** Eight little-endian bytes (an f64's bits, or half of a v128). */
    public final long fixed64() {
        long lo = fixed32() & 0xFFFF_FFFFL;
        long hi = fixed32() & 0xFFFF_FFFFL;
        return lo | hi << 32;
    }

    /** {@code n} raw bytes, copied. */
    public final byte[] bytes(int n) {
        if (n < 0 || limit - pos < n) {
            throw endError();
        }
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Skips {@code n} bytes. */
    public final void skip(int n) {
        if (n < 0 || limit - pos < n) {
            throw endError();
        }
        pos += n;
    }

    /**
     * The length of a vector or string: a u32 that cannot exceed the bytes left before the limit
     * (counting from the length's own first byte, as the reference interpreter does), else
     * "length out of bounds". Every element takes at least one byte, so a caller may size
     * its storage by this value without risking a huge allocation.
     */
    public final int vecLength() {
        int at = pos;
        int n = u32();
        if (n < 0 || n > limit - at) {
            throw errorAt("length out of bounds", at);
        }
        return n;
    }

    /** A name: a length-prefixed string that must be valid UTF-8. */
    public final String name() {
        int len = vecLength();
        int start = pos;
        if (limit - pos < len) {
            throw endError();
        }
        pos += len;
        for (int i = start; i < start + len; i++) {
            if (buf[i] < 0) {
                return decodeUtf8(start, len);
            }
        }
        return new String(buf, start, len, StandardCharsets.ISO_8859_1);
    }

    private String decodeUtf8(int start, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, start, len))
                    .toString();
        } catch (CharacterCodingException e) {
            throw errorAt("malformed UTF-8 encoding", start);
        }
    }

    /** A value type. */
    public final ValType readValType() {
        int at = pos;
        int b = u8();
        return switch (b) {
            case 0x7F -> NumType.I32;
            case 0x7E -> NumType.I64;
            case 0x7D -> NumType.F32;
            case 0x7C -> NumType.F64;
            case 0x7B -> VecType.V128;
            case 0x63, 0x64 -> refTypeBody(b);
            default -> {
                AbsHeapType abs = AbsHeapType.fromCode(b);
                if (abs == null) {
                    throw errorAt("malformed value type", at);
                }
                yield RefType.of(true, abs);
            }
        };
    }

    /** A reference type (a value type that must be a reference). */
    public final RefType readRefType() {
        int at = pos;
        int b = u8();
        if (b == 0x63 || b == 0x64) {
            return refTypeBody(b);
        }
        AbsHeapType abs = AbsHeapType.fromCode(b);
        if (abs == null) {
            throw errorAt("malformed reference type", at);
        }
        return RefType.of(true, abs);
    }

    private RefType refTypeBody(int prefix) {
        HeapType ht = readHeapType();
        if (prefix == 0x63 && ht instanceof AbsHeapType) {
            canonical = false; // (ref null func) has the short form funcref
        }
        return RefType.of(prefix == 0x63, ht);
    }

    /** A heap type: an abstract type's one-byte code, or a non-negative s33 type index. */
    public final HeapType readHeapType() {
        int at = pos;
        int b = peek();
        if ((b & 0xC0) == 0x40) {
            pos++;
            AbsHeapType abs = AbsHeapType.fromCode(b);
            if (abs == null) {
                throw errorAt("malformed heap type", at);
            }
            return abs;
        }
        long idx = s33();
        if (idx < 0) {
            throw errorAt("malformed heap type", at);
        }
        if (idx > Integer.MAX_VALUE) {
            throw errorAt("type index out of range", at);
        }
        return TypeIndex.of((int) idx);
    }

    /** Whether a reference type was written in its short form where one exists (canonical). */
    protected static boolean hasShortForm(RefType t) {
        return t.nullable() && t.heapType() instanceof AbsHeapType;
    }
}
