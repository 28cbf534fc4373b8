package dev.jawa.runtime;

import dev.jawa.Trap;
import dev.jawa.types.AddressType;
import dev.jawa.types.Limits;
import dev.jawa.types.MemoryType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A linear memory instance, as WebAssembly code and embedders see it: typed little-endian reads
 * and writes, bulk copies to and from {@code byte[]} and {@link ByteBuffer}, and UTF-8 strings.
 * Addresses are unsigned byte offsets passed as {@code long}; every access is bounds-checked,
 * and one outside the memory throws the {@link Trap} "out of bounds memory access" (with the
 * address, length and memory size in its message), as a WebAssembly access would.
 *
 * <p>Two backings. An ordinary memory (up to 32,767 pages, 2 GiB - 64 KiB, and not shared) is
 * one {@code byte[]}, read and written through little-endian array-view {@link VarHandle}s
 * (which HotSpot compiles to plain unaligned moves): that is the hot path, and
 * {@link #bytes()} exposes the array to execution tiers that inline accesses. A memory that
 * grows beyond that (up to 65,536 pages, 4 GiB, for a 32-bit memory; for memory64 as far as the
 * JVM allows), and every shared memory, is a table of native 64 KiB pages ({@link PagedBytes}):
 * {@link #bytes()} is then null and callers go through this class's methods. Shared memories
 * are paged because their pages are never copied when they grow, so no concurrent write is
 * lost, and because native memory allows the atomic accesses that {@code byte[]} views do not.
 *
 * <p>The hot path costs nothing extra for that: a paged memory keeps an empty array in the
 * field the loads and stores read, so its every access fails the ordinary bounds check and
 * takes the (out-of-line) paged path, where the trap used to be thrown.
 */
public final class Memory {

    /** The page size, 64 KiB. */
    public static final int PAGE_SIZE = 65536;
    /** The most pages a byte[]-backed memory can hold. */
    public static final int MAX_ARRAY_PAGES = 32767;

    private static final byte[] PAGED = new byte[0];
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final AddressType addressType;
    private final long maxPages;
    private final boolean hasMax;
    private final boolean shared;
    /** The array backing, or {@link #PAGED} (length 0) when {@link #paged} holds the bytes. */
    private byte[] bytes;
    /** The paged backing, or null for an array memory. */
    private PagedBytes paged;
    private final WaitQueues waitQueues = new WaitQueues();

    /**
     * A memory of {@code type}'s minimum size, zeroed.
     *
     * @throws Trap "out of memory" if the JVM cannot hold it
     */
    public Memory(MemoryType type) {
        Limits l = type.limits();
        this.addressType = type.addressType();
        this.hasMax = l.hasMax();
        this.maxPages = l.hasMax() ? l.max() : (type.addressType() == AddressType.I64 ? 1L << 48 : 1L << 16);
        this.shared = type.shared();
        long min = l.min();
        if (Long.compareUnsigned(min, limitPages()) > 0) {
            throw new Trap("out of memory", Long.toUnsignedString(min) + " pages requested");
        }
        try {
            if (shared || min > MAX_ARRAY_PAGES) {
                this.paged = new PagedBytes(min);
                this.bytes = PAGED;
            } else {
                this.bytes = new byte[(int) min * PAGE_SIZE];
            }
        } catch (OutOfMemoryError e) {
            throw new Trap("out of memory", Long.toUnsignedString(min) + " pages requested");
        }
    }

    /**
     * The most pages the JVM could hold at all (its heap maximum, which is also the default limit
     * of the native memory paged memories use): a quick refusal of absurd sizes.
     */
    private static long limitPages() {
        return Runtime.getRuntime().maxMemory() / PAGE_SIZE;
    }

    /**
     * The threads waiting in {@code memory.atomic.wait} on this memory (use only while holding
     * this memory's monitor).
     */
    public WaitQueues waitQueues() {
        return waitQueues;
    }

    /** The memory's current type: its current size as the minimum. */
    public MemoryType type() {
        return new MemoryType(addressType, new Limits(pages(), hasMax ? maxPages : 0, hasMax), shared);
    }

    /** The current size in pages. */
    public long pages() {
        PagedBytes p = paged;
        return p != null ? p.pages() : bytes.length / PAGE_SIZE;
    }

    /** The current size in bytes. */
    public long byteSize() {
        PagedBytes p = paged;
        return p != null ? p.size() : bytes.length;
    }

    /**
     * The backing array of an ordinary memory, or null for a paged one (beyond 2 GiB, or
     * shared), which only this class's methods reach. The array is replaced when the memory
     * grows, so do not keep it across anything that can grow the memory.
     */
    public byte[] bytes() {
        return paged == null ? bytes : null;
    }

    /**
     * The array compiled code indexes directly: {@link #bytes()} for an ordinary memory, and an
     * empty array for a paged one, so that every bounds check against it fails and the caller
     * takes its out-of-line path (this class's accessors). Replaced when the memory grows.
     */
    public byte[] heapArray() {
        return bytes;
    }

    /**
     * Grows by {@code delta} pages (unsigned); returns the old size in pages, or -1 if that
     * would pass the maximum or the JVM cannot hold it.
     */
    public synchronized long grow(long delta) {
        long old = pages();
        if (Long.compareUnsigned(delta, maxPages - old) > 0) {
            return -1;
        }
        if (delta == 0) {
            return old;
        }
        long next = old + delta;
        if (next > limitPages()) {
            return -1;
        }
        try {
            if (paged != null) {
                paged.grow(delta);
            } else if (next <= MAX_ARRAY_PAGES) {
                bytes = Arrays.copyOf(bytes, (int) next * PAGE_SIZE);
            } else {
                paged = new PagedBytes(bytes, next);
                bytes = PAGED;
            }
        } catch (OutOfMemoryError e) {
            return -1;
        }
        return old;
    }

    private static Trap oob() {
        return Traps.memoryOutOfBounds();
    }

    /**
     * Checks that {@code size} bytes at {@code ea} are in bounds (else the trap "out of bounds
     * memory access") and returns {@link #bytes()} (null for a paged memory).
     */
    public byte[] check(long ea, long size) {
        byte[] b = bytes;
        if (ea < 0 || size < 0 || ea > b.length - size) {
            PagedBytes p = paged;
            if (p == null) {
                throw oob();
            }
            p.check(ea, size);
            return null;
        }
        return b;
    }

    /**
     * For atomic accesses: the native page holding the in-bounds address {@code ea} of a paged
     * memory (an aligned access of at most 8 bytes never leaves it; see {@link #pageOffset}), or
     * null for an array memory, whose {@code byte[]} allows no atomic access.
     */
    public java.lang.foreign.MemorySegment pageAt(long ea) {
        PagedBytes p = paged;
        return p == null ? null : p.page(ea);
    }

    /** The offset of {@code ea} in its page {@link #pageAt}{@code (ea)}. */
    public static int pageOffset(long ea) {
        return (int) ea & PagedBytes.MASK;
    }

    // The loads and stores check bounds themselves rather than through check(): the dispatch loop
    // inlines them, and HotSpot declines a nested call it has seen rarely when it compiles the
    // loop, leaving a real call on the path once the kernel's hot phase starts. A failed check
    // goes out of line: to the paged backing, or to the trap. Each method is kept at most as
    // large as it was before the paged backing existed (the array access itself is a tiny static
    // helper, and a one-byte access checks bounds with one unsigned comparison), because
    // HotSpot inlines methods of up to 35 bytes of bytecode even where it has no profile yet.

    /** i32.load8_s: the byte at {@code ea}, sign-extended; traps out of bounds. */
    public int loadI8(long ea) {
        byte[] b = bytes;
        if (Long.compareUnsigned(ea, b.length) >= 0) {
            return outsideI8(ea);
        }
        return b[(int) ea];
    }

    /** i32.load8_u: the byte at {@code ea}, zero-extended; traps out of bounds. */
    public int loadU8(long ea) {
        byte[] b = bytes;
        if (Long.compareUnsigned(ea, b.length) >= 0) {
            return outsideU8(ea);
        }
        return u8(b, ea);
    }

    /** i32.load16_s: the little-endian 16 bits at {@code ea}, sign-extended; traps out of bounds. */
    public int loadI16(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 2) {
            return outsideI16(ea);
        }
        return i16(b, ea);
    }

    /** i32.load16_u: the little-endian 16 bits at {@code ea}, zero-extended; traps out of bounds. */
    public int loadU16(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 2) {
            return outsideU16(ea);
        }
        return u16(b, ea);
    }

    /** i32.load: the little-endian 32 bits at {@code ea}; traps out of bounds. */
    public int loadI32(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 4) {
            return outsideI32(ea);
        }
        return i32(b, ea);
    }

    /** i64.load: the little-endian 64 bits at {@code ea}; traps out of bounds. */
    public long loadI64(long ea) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 8) {
            return outsideI64(ea);
        }
        return i64(b, ea);
    }

    /** i32.store8: the low byte of {@code v} at {@code ea}; traps out of bounds. */
    public void storeI8(long ea, int v) {
        byte[] b = bytes;
        if (Long.compareUnsigned(ea, b.length) >= 0) {
            outsideStore8(ea, v);
            return;
        }
        b[(int) ea] = (byte) v;
    }

    /** i32.store16: the low 16 bits of {@code v} at {@code ea}, little-endian; traps out of bounds. */
    public void storeI16(long ea, int v) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 2) {
            outsideStore16(ea, v);
            return;
        }
        set16(b, ea, v);
    }

    /** i32.store: {@code v} at {@code ea}, little-endian; traps out of bounds. */
    public void storeI32(long ea, int v) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 4) {
            outsideStore32(ea, v);
            return;
        }
        set32(b, ea, v);
    }

    /** i64.store: {@code v} at {@code ea}, little-endian; traps out of bounds. */
    public void storeI64(long ea, long v) {
        byte[] b = bytes;
        if (ea < 0 || ea > b.length - 8) {
            outsideStore64(ea, v);
            return;
        }
        set64(b, ea, v);
    }

    // The array accesses (ea already checked).

    private static int u8(byte[] b, long ea) {
        return b[(int) ea] & 0xFF;
    }

    private static int i16(byte[] b, long ea) {
        return (short) SHORT.get(b, (int) ea);
    }

    private static int u16(byte[] b, long ea) {
        return (short) SHORT.get(b, (int) ea) & 0xFFFF;
    }

    private static int i32(byte[] b, long ea) {
        return (int) INT.get(b, (int) ea);
    }

    private static long i64(byte[] b, long ea) {
        return (long) LONG.get(b, (int) ea);
    }

    private static void set16(byte[] b, long ea, int v) {
        SHORT.set(b, (int) ea, (short) v);
    }

    private static void set32(byte[] b, long ea, int v) {
        INT.set(b, (int) ea, v);
    }

    private static void set64(byte[] b, long ea, long v) {
        LONG.set(b, (int) ea, v);
    }

    // The accesses the array could not serve: the paged backing's, or the trap.

    private int outsideI8(long ea) {
        return (byte) outside(ea, 1);
    }

    private int outsideU8(long ea) {
        return (int) outside(ea, 1);
    }

    private int outsideI16(long ea) {
        return (short) outside(ea, 2);
    }

    private int outsideU16(long ea) {
        return (int) outside(ea, 2);
    }

    private int outsideI32(long ea) {
        return (int) outside(ea, 4);
    }

    private long outsideI64(long ea) {
        return outside(ea, 8);
    }

    private void outsideStore8(long ea, int v) {
        outside(ea, 1, v);
    }

    private void outsideStore16(long ea, int v) {
        outside(ea, 2, v);
    }

    private void outsideStore32(long ea, int v) {
        outside(ea, 4, v);
    }

    private void outsideStore64(long ea, long v) {
        outside(ea, 8, v);
    }

    private long outside(long ea, int size) {
        PagedBytes p = paged;
        if (p == null) {
            throw oob();
        }
        return p.get(ea, size);
    }

    private void outside(long ea, int size, long v) {
        PagedBytes p = paged;
        if (p == null) {
            throw oob();
        }
        p.set(ea, size, v);
    }

    /** f32.load: the IEEE single at {@code ea}; traps out of bounds. */
    public float loadF32(long ea) {
        return Float.intBitsToFloat(loadI32(ea));
    }

    /** f64.load: the IEEE double at {@code ea}; traps out of bounds. */
    public double loadF64(long ea) {
        return Double.longBitsToDouble(loadI64(ea));
    }

    /** f32.store: {@code v}'s bits at {@code ea}; traps out of bounds. */
    public void storeF32(long ea, float v) {
        storeI32(ea, Float.floatToRawIntBits(v));
    }

    /** f64.store: {@code v}'s bits at {@code ea}; traps out of bounds. */
    public void storeF64(long ea, double v) {
        storeI64(ea, Double.doubleToRawLongBits(v));
    }

    /** Whether {@code [a, a + n)} (unsigned) lies within {@code size} bytes. */
    private static boolean within(long a, long n, long size) {
        return Long.compareUnsigned(a, size) <= 0 && Long.compareUnsigned(n, size - a) <= 0;
    }

    /** {@code memory.fill}: {@code n} bytes at {@code dst} set to {@code value}. */
    public void fill(long dst, int value, long n) {
        PagedBytes p = paged;
        if (p == null) {
            byte[] b = bytes;
            if (!within(dst, n, b.length)) {
                throw oob();
            }
            Arrays.fill(b, (int) dst, (int) (dst + n), (byte) value);
            return;
        }
        if (!within(dst, n, p.size())) {
            throw oob();
        }
        p.fill(dst, (byte) value, n);
    }

    /** {@code memory.copy} from {@code src} (maybe this memory) at {@code s} to this memory at {@code d}. */
    public void copyFrom(Memory src, long s, long d, long n) {
        if (!within(s, n, src.byteSize()) || !within(d, n, byteSize())) {
            throw oob();
        }
        if (paged == null && src.paged == null) {
            System.arraycopy(src.bytes, (int) s, bytes, (int) d, (int) n);
            return;
        }
        // Through a buffer, piece by piece: forwards when the destination is below the source,
        // else backwards, so that an overlapping copy within one memory reads before it writes.
        byte[] buf = new byte[(int) Math.min(n, PAGE_SIZE)];
        boolean forwards = src != this || Long.compareUnsigned(d, s) <= 0;
        for (long done = 0; done < n; ) {
            int k = (int) Math.min(n - done, buf.length);
            long at = forwards ? done : n - done - k;
            src.copyOut(s + at, buf, 0, k);
            copyIn(d + at, buf, 0, k);
            done += k;
        }
    }

    /** {@code memory.init}: {@code n} bytes of {@code data} from {@code s} to this memory at {@code d}. */
    public void init(byte[] data, long s, long d, long n) {
        if (!within(s, n, data.length) || !within(d, n, byteSize())) {
            throw oob();
        }
        copyIn(d, data, (int) s, (int) n);
    }

    /** Copies {@code len} in-bounds bytes at {@code ea} to {@code dst}. */
    private void copyOut(long ea, byte[] dst, int off, int len) {
        PagedBytes p = paged;
        if (p == null) {
            System.arraycopy(bytes, (int) ea, dst, off, len);
        } else {
            p.copyOut(ea, dst, off, len);
        }
    }

    /** Copies {@code len} bytes of {@code src} to in-bounds {@code ea}. */
    private void copyIn(long ea, byte[] src, int off, int len) {
        PagedBytes p = paged;
        if (p == null) {
            System.arraycopy(src, off, bytes, (int) ea, len);
        } else {
            p.copyIn(ea, src, off, len);
        }
    }

    // The embedder's API. Bounds failures name the access.

    /**
     * Throws the trap "out of bounds memory access", saying which access, unless {@code length}
     * bytes at {@code address} lie within the memory.
     */
    private void access(long address, long length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
        long size = byteSize();
        if (!within(address, length, size)) {
            throw new Trap(Traps.MEMORY_OOB, length + " bytes at address " + Long.toUnsignedString(address)
                    + " in a memory of " + size + " bytes");
        }
    }

    /** The byte at {@code address}. */
    public byte readByte(long address) {
        access(address, 1);
        return (byte) loadI8(address);
    }

    /** The little-endian 16-bit value at {@code address}. */
    public short readShort(long address) {
        access(address, 2);
        return (short) loadI16(address);
    }

    /** The little-endian 32-bit value at {@code address}. */
    public int readInt(long address) {
        access(address, 4);
        return loadI32(address);
    }

    /** The little-endian 64-bit value at {@code address}. */
    public long readLong(long address) {
        access(address, 8);
        return loadI64(address);
    }

    /** The little-endian IEEE single at {@code address}. */
    public float readFloat(long address) {
        return Float.intBitsToFloat(readInt(address));
    }

    /** The little-endian IEEE double at {@code address}. */
    public double readDouble(long address) {
        return Double.longBitsToDouble(readLong(address));
    }

    /** Writes {@code v} at {@code address}. */
    public void writeByte(long address, byte v) {
        access(address, 1);
        storeI8(address, v);
    }

    /** Writes {@code v} at {@code address}, little-endian. */
    public void writeShort(long address, short v) {
        access(address, 2);
        storeI16(address, v);
    }

    /** Writes {@code v} at {@code address}, little-endian. */
    public void writeInt(long address, int v) {
        access(address, 4);
        storeI32(address, v);
    }

    /** Writes {@code v} at {@code address}, little-endian. */
    public void writeLong(long address, long v) {
        access(address, 8);
        storeI64(address, v);
    }

    /** Writes {@code v} at {@code address} as little-endian IEEE bits. */
    public void writeFloat(long address, float v) {
        writeInt(address, Float.floatToRawIntBits(v));
    }

    /** Writes {@code v} at {@code address} as little-endian IEEE bits. */
    public void writeDouble(long address, double v) {
        writeLong(address, Double.doubleToRawLongBits(v));
    }

    /** Copies {@code length} bytes at {@code address} into a new array. */
    public byte[] read(long address, int length) {
        access(address, length);
        byte[] out = new byte[length];
        copyOut(address, out, 0, length);
        return out;
    }

    /** Copies {@code length} bytes at {@code address} into {@code dest} at {@code offset}. */
    public void read(long address, byte[] dest, int offset, int length) {
        access(address, length);
        java.util.Objects.checkFromIndexSize(offset, length, dest.length);
        copyOut(address, dest, offset, length);
    }

    /**
     * Fills {@code dest}'s remaining bytes from {@code address} on; its position advances past
     * them.
     */
    public void read(long address, ByteBuffer dest) {
        int n = dest.remaining();
        access(address, n);
        if (dest.hasArray()) {
            copyOut(address, dest.array(), dest.arrayOffset() + dest.position(), n);
            dest.position(dest.position() + n);
        } else {
            byte[] buf = new byte[Math.min(n, PAGE_SIZE)];
            for (int done = 0; done < n; ) {
                int k = Math.min(n - done, buf.length);
                copyOut(address + done, buf, 0, k);
                dest.put(buf, 0, k);
                done += k;
            }
        }
    }

    /** Copies {@code length} bytes of {@code src} from {@code offset} to {@code address}. */
    public void write(long address, byte[] src, int offset, int length) {
        access(address, length);
        java.util.Objects.checkFromIndexSize(offset, length, src.length);
        copyIn(address, src, offset, length);
    }

    /** Writes all of {@code src} at {@code address}. */
    public void write(long address, byte[] src) {
        write(address, src, 0, src.length);
    }

    /** Writes {@code src}'s remaining bytes at {@code address}; its position advances past them. */
    public void write(long address, ByteBuffer src) {
        int n = src.remaining();
        access(address, n);
        if (src.hasArray()) {
            copyIn(address, src.array(), src.arrayOffset() + src.position(), n);
            src.position(src.position() + n);
        } else {
            byte[] buf = new byte[Math.min(n, PAGE_SIZE)];
            for (int done = 0; done < n; ) {
                int k = Math.min(n - done, buf.length);
                src.get(buf, 0, k);
                copyIn(address + done, buf, 0, k);
                done += k;
            }
        }
    }

    /** The {@code length} bytes at {@code address} decoded as UTF-8 (malformed input replaced). */
    public String readUtf8(long address, int length) {
        return new String(read(address, length), StandardCharsets.UTF_8);
    }

    /**
     * The NUL-terminated UTF-8 string at {@code address} (malformed input replaced), without the
     * NUL.
     *
     * @throws Trap "out of bounds memory access" if no NUL comes before the end of the memory
     */
    public String readCString(long address) {
        access(address, 0);
        long size = byteSize();
        long end = address;
        while (end < size && loadU8(end) != 0) {
            end++;
        }
        if (end == size) {
            throw new Trap(Traps.MEMORY_OOB, "no NUL after the string at address " + Long.toUnsignedString(address)
                    + " in a memory of " + size + " bytes");
        }
        if (end - address > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("string at " + address + " too long for a Java string");
        }
        return readUtf8(address, (int) (end - address));
    }

    /** Writes {@code s} as UTF-8 at {@code address} (no terminator); returns the bytes written. */
    public int writeUtf8(long address, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        write(address, utf8);
        return utf8.length;
    }

    /**
     * Writes {@code s} as UTF-8 at {@code address} followed by a NUL; returns the bytes written,
     * the NUL included. Nothing is written if it does not fit.
     */
    public int writeCString(long address, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        access(address, utf8.length + 1L);
        copyIn(address, utf8, 0, utf8.length);
        storeI8(address + utf8.length, 0);
        return utf8.length + 1;
    }

    /** Whether the memory uses 64-bit addresses. */
    public boolean is64() {
        return addressType == AddressType.I64;
    }

    /** Whether the memory is shared. */
    public boolean shared() {
        return shared;
    }

    @Override
    public String toString() {
        return (shared ? "shared " : "") + (is64() ? "i64 " : "") + "memory of " + pages() + " pages";
    }
}
