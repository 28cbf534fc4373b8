package dev.jawa.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The backing of memories a single {@code byte[]} cannot hold or must not replace: one
 * {@code byte[]} per 64 KiB page. It serves memories beyond 2 GiB (up to 4 GiB for 32-bit
 * memories, and beyond for memory64, as far as the heap allows) and every shared memory.
 *
 * <p>Growing appends pages and publishes a longer page table; the pages already there stay the
 * same arrays, so a thread writing to a shared memory while another grows it never writes to a
 * copy that is then dropped. An access within one page is one array access; one that straddles
 * two pages (possible only unaligned) is assembled byte by byte.
 */
final class PagedBytes {

    static final int SHIFT = 16;
    static final int PAGE = 1 << SHIFT;
    static final int MASK = PAGE - 1;

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The page table; replaced (never changed in place) when the memory grows. */
    private volatile byte[][] pages;

    /**
     * {@code count} zeroed pages.
     *
     * @throws OutOfMemoryError if the heap cannot hold them
     */
    PagedBytes(long count) {
        pages = allocate(new byte[0][], count);
    }

    /** Pages from an array memory's contents ({@code bytes.length} a multiple of the page size). */
    PagedBytes(byte[] bytes, long count) {
        byte[][] p = allocate(new byte[0][], count);
        for (int i = 0; i < bytes.length >>> SHIFT; i++) {
            System.arraycopy(bytes, i << SHIFT, p[i], 0, PAGE);
        }
        pages = p;
    }

    private static byte[][] allocate(byte[][] old, long count) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("too many pages: " + count);
        }
        byte[][] p = Arrays.copyOf(old, (int) count);
        for (int i = old.length; i < p.length; i++) {
            p[i] = new byte[PAGE];
        }
        return p;
    }

    long pages() {
        return pages.length;
    }

    long size() {
        return (long) pages.length << SHIFT;
    }

    /**
     * Adds {@code delta} pages. The caller serializes growth (the memory's grow is synchronized).
     *
     * @throws OutOfMemoryError if the heap cannot hold them (nothing changes then)
     */
    void grow(long delta) {
        byte[][] old = pages;
        pages = allocate(old, old.length + delta);
    }

    /** Throws the trap "out of bounds memory access" unless {@code [ea, ea + n)} is inside. */
    void check(long ea, long n) {
        long size = size();
        if (ea < 0 || n < 0 || ea > size - n) {
            throw Traps.memoryOutOfBounds();
        }
    }

    /** The page holding {@code ea}, which must be in bounds. */
    byte[] page(long ea) {
        return pages[(int) (ea >>> SHIFT)];
    }

    /** The unsigned little-endian value of {@code size} (1, 2, 4 or 8) bytes at {@code ea}. */
    long get(long ea, int size) {
        check(ea, size);
        byte[] p = page(ea);
        int off = (int) ea & MASK;
        if (off <= PAGE - size) {
            return switch (size) {
                case 1 -> p[off] & 0xFFL;
                case 2 -> (short) SHORT.get(p, off) & 0xFFFFL;
                case 4 -> (int) INT.get(p, off) & 0xFFFF_FFFFL;
                default -> (long) LONG.get(p, off);
            };
        }
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | page(ea + i)[(int) (ea + i) & MASK] & 0xFF;
        }
        return v;
    }

    /** Stores the low {@code size} bytes of {@code v} at {@code ea}, little-endian. */
    void set(long ea, int size, long v) {
        check(ea, size);
        byte[] p = page(ea);
        int off = (int) ea & MASK;
        if (off <= PAGE - size) {
            switch (size) {
                case 1 -> p[off] = (byte) v;
                case 2 -> SHORT.set(p, off, (short) v);
                case 4 -> INT.set(p, off, (int) v);
                default -> LONG.set(p, off, v);
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            page(ea + i)[(int) (ea + i) & MASK] = (byte) (v >>> (8 * i));
        }
    }

    /** Copies {@code len} bytes at {@code ea} (in bounds) to {@code dst} at {@code off}. */
    void copyOut(long ea, byte[] dst, int off, int len) {
        while (len > 0) {
            int at = (int) ea & MASK;
            int n = Math.min(len, PAGE - at);
            System.arraycopy(page(ea), at, dst, off, n);
            ea += n;
            off += n;
            len -= n;
        }
    }

    /** Copies {@code len} bytes of {@code src} from {@code off} to {@code ea} (in bounds). */
    void copyIn(long ea, byte[] src, int off, int len) {
        while (len > 0) {
            int at = (int) ea & MASK;
            int n = Math.min(len, PAGE - at);
            System.arraycopy(src, off, page(ea), at, n);
            ea += n;
            off += n;
            len -= n;
        }
    }

    /** Sets {@code n} bytes at {@code ea} (in bounds) to {@code value}. */
    void fill(long ea, byte value, long n) {
        while (n > 0) {
            int at = (int) ea & MASK;
            int k = (int) Math.min(n, PAGE - at);
            Arrays.fill(page(ea), at, at + k, value);
            ea += k;
            n -= k;
        }
    }
}
