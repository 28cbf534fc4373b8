package dev.jawa.runtime;

import dev.jawa.Trap;
import dev.jawa.types.AddressType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A linear memory instance, backed by one {@code byte[]} read and written through little-endian
 * array-view {@link VarHandle}s (which HotSpot compiles to plain unaligned moves).
 *
 * <p>Addresses are unsigned and passed as {@code long} effective addresses (address plus the
 * instruction's offset, computed by the caller without overflow), so every access is one bounds
 * check against the current length. A {@code byte[]} holds at most 32,767 pages (2 GiB - 64 KiB);
 * growing past that fails as {@code memory.grow} does. Memory64 and larger memories will get
 * another backing (MemorySegment) behind the same methods: callers only ever use these methods
 * and {@link #bytes()} for bulk copies.
 */
public final class Memory {

    /** The page size, 64 KiB. */
    public static final int PAGE_SIZE = 65536;
    /** The most pages a byte[]-backed memory can hold. */
    public static final int MAX_ARRAY_PAGES = 32767;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final AddressType addressType;
    private final long maxPages;
    private final boolean hasMax;
    private final boolean shared;
    private byte[] bytes;
    private final WaitQueues waitQueues = new WaitQueues();

    /** A memory of {@code type}'s minimum size, zeroed. */
    public Memory(MemoryType type) {
        Limits l = type.limits();
        if (Long.compareUnsigned(l.min(), MAX_ARRAY_PAGES) > 0) {
            throw new Trap("out of memory: " + Long.toUnsignedString(l.min()) + " pages requested");
        }
        this.addressType = type.addressType();
        this.hasMax = l.hasMax();
        this.maxPages = l.hasMax() ? l.max() : (type.addressType() == AddressType.I64 ? 1L << 48 : 1L << 16);
        this.shared = type.shared();
        this.bytes = new byte[(int) l.min() * PAGE_SIZE];
    }

    /**
     * The threads waiting in {@code memory.atomic.wait} on this memory (use only while holding
     * this memory's monitor, as every atomic access does).
     */
    public WaitQueues waitQueues() {
        return waitQueues;
    }

    /** The memory's current type: its current size as the minimum. */
    public MemoryType type() {
        return new MemoryType(addressType, new Limits(pages(), hasMax ? maxPages : 0, hasMax), shared);
    }

    /** The current size in pages. */
    public int pages() {
        return bytes.length / PAGE_SIZE;
    }

    /** The current size in bytes. */
    public int byteSize() {
        return bytes.length;
    }

    /**
     * The backing array, for bulk operations. It is replaced when the memory grows, so do not
     * keep it across anything that can grow the memory.
     */
    public byte[] bytes() {
        return bytes;
    }

    /** Grows by {@code delta} pages (unsigned); returns the old size in pages, or -1 on failure. */
    public long grow(long delta) {
        int old = pages();
        if (Long.compareUnsigned(delta, maxPages - old) > 0 || Long.compareUnsigned(delta, MAX_ARRAY_PAGES - old) > 0) {
            return -1;
        }
        if (delta != 0) {
            bytes = Arrays.copyOf(bytes, (old + (int) delta) * PAGE_SIZE);
        }
        return old;
    }

    private static Trap oob() {
        return Traps.memoryOutOfBounds();
    }

    /**
     * Checks that {@code size} bytes at {@code ea} are in bounds (else the trap "out of bounds
     * memory access") and returns the current backing array.
     */
    public byte[] check(long ea, int size) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - size) {
            throw oob();
        }
        return b;
    }

    // The loads and stores check bounds themselves rather than through check(): the dispatch loop
    // inlines them, and HotSpot declines a nested call it has seen rarely when it compiles the
    // loop, leaving a real call on the path once the kernel's hot phase starts.
    public int loadI8(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 1) {
            throw oob();
        }
        return b[(int) ea];
    }

    public int loadU8(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 1) {
            throw oob();
        }
        return b[(int) ea] & 0xFF;
    }

    public int loadI16(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 2) {
            throw oob();
        }
        return (short) SHORT.get(b, (int) ea);
    }

    public int loadU16(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 2) {
            throw oob();
        }
        return ((short) SHORT.get(b, (int) ea)) & 0xFFFF;
    }

    public int loadI32(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 4) {
            throw oob();
        }
        return (int) INT.get(b, (int) ea);
    }

    public long loadI64(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 8) {
            throw oob();
        }
        return (long) LONG.get(b, (int) ea);
    }

    public void storeI8(long ea, int v) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 1) {
            throw oob();
        }
        b[(int) ea] = (byte) v;
    }

    public void storeI16(long ea, int v) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 2) {
            throw oob();
        }
        SHORT.set(b, (int) ea, (short) v);
    }

    public void storeI32(long ea, int v) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 4) {
            throw oob();
        }
        INT.set(b, (int) ea, v);
    }

    public void storeI64(long ea, long v) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 8) {
            throw oob();
        }
        LONG.set(b, (int) ea, v);
    }

    /** {@code memory.fill}: {@code n} bytes at {@code dst} set to {@code value}. */
    public void fill(long dst, int value, long n) {
        byte[] b = bytes;
        if (Long.compareUnsigned(dst, b.length) > 0 || Long.compareUnsigned(n, b.length - dst) > 0) {
            throw oob();
        }
        Arrays.fill(b, (int) dst, (int) (dst + n), (byte) value);
    }

    /** {@code memory.copy} from {@code src} (maybe this memory) at {@code s} to this memory at {@code d}. */
    public void copyFrom(Memory src, long s, long d, long n) {
        byte[] from = src.bytes;
        byte[] to = bytes;
        if (Long.compareUnsigned(s, from.length) > 0 || Long.compareUnsigned(n, from.length - s) > 0
                || Long.compareUnsigned(d, to.length) > 0 || Long.compareUnsigned(n, to.length - d) > 0) {
            throw oob();
        }
        System.arraycopy(from, (int) s, to, (int) d, (int) n);
    }

    /** {@code memory.init}: {@code n} bytes of {@code data} from {@code s} to this memory at {@code d}. */
    public void init(byte[] data, long s, long d, long n) {
        byte[] to = bytes;
        if (Long.compareUnsigned(s, data.length) > 0 || Long.compareUnsigned(n, data.length - s) > 0
                || Long.compareUnsigned(d, to.length) > 0 || Long.compareUnsigned(n, to.length - d) > 0) {
            throw oob();
        }
        System.arraycopy(data, (int) s, to, (int) d, (int) n);
    }

    // Bulk and typed access for embedders (addresses are unsigned byte offsets).

    /** Copies {@code length} bytes at {@code address} into a new array. */
    public byte[] read(long address, int length) {
        byte[] out = new byte[length];
        read(address, out, 0, length);
        return out;
    }

    /** Copies {@code length} bytes at {@code address} into {@code dest} at {@code offset}. */
    public void read(long address, byte[] dest, int offset, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        byte[] b = check(address, length);
        System.arraycopy(b, (int) address, dest, offset, length);
    }

    /** Copies {@code length} bytes of {@code src} from {@code offset} to {@code address}. */
    public void write(long address, byte[] src, int offset, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        byte[] b = check(address, length);
        System.arraycopy(src, offset, b, (int) address, length);
    }

    /** Writes all of {@code src} at {@code address}. */
    public void write(long address, byte[] src) {
        write(address, src, 0, src.length);
    }

    /** The {@code length} bytes at {@code address} decoded as UTF-8 (malformed input replaced). */
    public String readUtf8(long address, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        byte[] b = check(address, length);
        return new String(b, (int) address, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The NUL-terminated UTF-8 string at {@code address} (up to the end of memory if there is no
     * NUL).
     */
    public String readCString(long address) {
        byte[] b = check(address, 0);
        int end = (int) address;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, (int) address, end - (int) address, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes {@code s} as UTF-8 at {@code address} (no terminator); returns the bytes written. */
    public int writeUtf8(long address, String s) {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(address, bytes);
        return bytes.length;
    }

    public float loadF32(long ea) {
        return Float.intBitsToFloat(loadI32(ea));
    }

    public double loadF64(long ea) {
        return Double.longBitsToDouble(loadI64(ea));
    }

    public void storeF32(long ea, float v) {
        storeI32(ea, Float.floatToRawIntBits(v));
    }

    public void storeF64(long ea, double v) {
        storeI64(ea, Double.doubleToRawLongBits(v));
    }

    /** Whether the memory uses 64-bit addresses. */
    public boolean is64() {
        return addressType == AddressType.I64;
    }

    /** Whether the memory is shared. */
    public boolean shared() {
        return shared;
    }
}
