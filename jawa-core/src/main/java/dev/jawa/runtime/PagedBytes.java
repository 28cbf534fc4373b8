package dev.jawa.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The backing of memories a single {@code byte[]} cannot hold or must not replace: one native
 * {@link MemorySegment} per 64 KiB page. It serves memories beyond 2 GiB (up to 4 GiB for 32-bit
 * memories, and beyond for memory64, as far as the JVM lets native memory grow) and every shared
 * memory.
 *
 * <p>Why native pages: growing appends pages and publishes a longer page table, while the pages
 * already there stay where they are, so a thread writing to a shared memory while another grows
 * it never writes to a copy that is then dropped; native segments (unlike {@code byte[]} views)
 * allow the atomic accesses the threads proposal needs ({@link #page} with {@link #INT_ATOMIC}
 * and {@link #LONG_ATOMIC}); and large memories are zeroed by the system, not copied around by
 * the garbage collector. Pages are freed by the collector once the memory is unreachable
 * ({@link Arena#ofAuto()}).
 *
 * <p>An access within one page is one segment access; one that straddles two pages (possible
 * only unaligned) is assembled byte by byte.
 */
final class PagedBytes {

    static final int SHIFT = 16;
    static final int PAGE = 1 << SHIFT;
    static final int MASK = PAGE - 1;

    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** Aligned little-endian int access to a page, supporting every atomic access mode. */
    static final java.lang.invoke.VarHandle INT_ATOMIC =
            ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    /** Aligned little-endian long access to a page, supporting every atomic access mode. */
    static final java.lang.invoke.VarHandle LONG_ATOMIC =
            ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    /** The page table; replaced (never changed in place) when the memory grows. */
    private volatile MemorySegment[] pages;

    /**
     * {@code count} zeroed pages.
     *
     * @throws OutOfMemoryError if the JVM cannot hold them
     */
    PagedBytes(long count) {
        pages = allocate(new MemorySegment[0], count);
    }

    /** Pages from an array memory's contents ({@code bytes.length} a multiple of the page size). */
    PagedBytes(byte[] bytes, long count) {
        MemorySegment[] p = allocate(new MemorySegment[0], count);
        for (int i = 0; i < bytes.length >>> SHIFT; i++) {
            MemorySegment.copy(bytes, i << SHIFT, p[i], ValueLayout.JAVA_BYTE, 0, PAGE);
        }
        pages = p;
    }

    private static MemorySegment[] allocate(MemorySegment[] old, long count) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new OutOfMemoryError("too many pages: " + count);
        }
        MemorySegment[] p = Arrays.copyOf(old, (int) count);
        Arena arena = Arena.ofAuto();
        for (int i = old.length; i < p.length; i++) {
            p[i] = arena.allocate(PAGE, 8); // zeroed
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
     * @throws OutOfMemoryError if the JVM cannot hold them (nothing changes then)
     */
    void grow(long delta) {
        MemorySegment[] old = pages;
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
    MemorySegment page(long ea) {
        return pages[(int) (ea >>> SHIFT)];
    }

    /** The unsigned little-endian value of {@code size} (1, 2, 4 or 8) bytes at {@code ea}. */
    long get(long ea, int size) {
        check(ea, size);
        MemorySegment p = page(ea);
        int off = (int) ea & MASK;
        if (off <= PAGE - size) {
            return switch (size) {
                case 1 -> p.get(ValueLayout.JAVA_BYTE, off) & 0xFFL;
                case 2 -> p.get(SHORT, off) & 0xFFFFL;
                case 4 -> p.get(INT, off) & 0xFFFF_FFFFL;
                default -> p.get(LONG, off);
            };
        }
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = v << 8 | page(ea + i).get(ValueLayout.JAVA_BYTE, (int) (ea + i) & MASK) & 0xFF;
        }
        return v;
    }

    /** Stores the low {@code size} bytes of {@code v} at {@code ea}, little-endian. */
    void set(long ea, int size, long v) {
        check(ea, size);
        MemorySegment p = page(ea);
        int off = (int) ea & MASK;
        if (off <= PAGE - size) {
            switch (size) {
                case 1 -> p.set(ValueLayout.JAVA_BYTE, off, (byte) v);
                case 2 -> p.set(SHORT, off, (short) v);
                case 4 -> p.set(INT, off, (int) v);
                default -> p.set(LONG, off, v);
            }
            return;
        }
        for (int i = 0; i < size; i++) {
            page(ea + i).set(ValueLayout.JAVA_BYTE, (int) (ea + i) & MASK, (byte) (v >>> (8 * i)));
        }
    }

    /** Copies {@code len} bytes at {@code ea} (in bounds) to {@code dst} at {@code off}. */
    void copyOut(long ea, byte[] dst, int off, int len) {
        while (len > 0) {
            int at = (int) ea & MASK;
            int n = Math.min(len, PAGE - at);
            MemorySegment.copy(page(ea), ValueLayout.JAVA_BYTE, at, dst, off, n);
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
            MemorySegment.copy(src, off, page(ea), ValueLayout.JAVA_BYTE, at, n);
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
            page(ea).asSlice(at, k).fill(value);
            ea += k;
            n -= k;
        }
    }
}
