package dev.jawa.runtime;

import dev.jawa.Trap;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The semantics of the threads proposal's atomic accesses on a {@link Memory}, shared by both
 * execution tiers, so that a function still interpreted and one compiled are atomic with respect
 * to each other on a memory they share. Every access takes an effective address already checked
 * by {@link #checked}; values are zero-extended from their width.
 *
 * <p>On a paged memory (every shared memory is one, see {@link Memory}) accesses are lock-free
 * and sequentially consistent: volatile and atomic modes of little-endian {@link VarHandle}s on
 * the native page holding the address ({@link Memory#pageAt}; an aligned access never straddles
 * two pages); an 8- or 16-bit access compare-and-sets the aligned int around it, as no atomic
 * access is narrower than int. On an ordinary {@code byte[]} memory (unshared, so atomics matter
 * only to Java threads sharing an instance) accesses run under the memory's monitor: on JDK 25
 * byte-array views throw UnsupportedOperationException for every atomic and volatile mode.
 *
 * <p>Wait and notify work on the memory's {@link WaitQueues} under its monitor, and wait reads
 * the value under it before parking: a writer that changes the value and then notifies cannot
 * slip in between, so no wake-up is lost.
 */
public final class MemoryAtomics {

    // The read-modify-write operators, in the order of the instruction set.
    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int AND = 2;
    public static final int OR = 3;
    public static final int XOR = 4;
    public static final int XCHG = 5;

    private static final VarHandle INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    private MemoryAtomics() {
    }

    /**
     * {@code ea} once checked, in the spec's order: out of bounds traps "out of bounds memory
     * access", then an address that is not a multiple of {@code size} "unaligned atomic".
     */
    public static long checked(long ea, Memory m, int size) {
        m.check(ea, size);
        if ((ea & (size - 1)) != 0) {
            throw new Trap("unaligned atomic");
        }
        return ea;
    }

    private static long mask(int size) {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }

    /** An atomic load of {@code size} bytes. */
    public static long load(long ea, Memory m, int size) {
        MemorySegment page = m.pageAt(ea);
        if (page != null) {
            return read(page, Memory.pageOffset(ea), size);
        }
        synchronized (m) {
            return plainRead(m, ea, size);
        }
    }

    /** An atomic store of the low {@code size} bytes of {@code v}. */
    public static void store(long ea, long v, Memory m, int size) {
        MemorySegment page = m.pageAt(ea);
        if (page != null) {
            long i = Memory.pageOffset(ea);
            switch (size) {
                case 8 -> LONG.setVolatile(page, i, v);
                case 4 -> INT.setVolatile(page, i, (int) v);
                default -> narrow(page, i, size, XCHG, v);
            }
            return;
        }
        synchronized (m) {
            plainWrite(m, ea, size, v);
        }
    }

    /** An atomic read-modify-write with operator {@code op} ({@link #ADD} ...); returns the old value. */
    public static long readModifyWrite(long ea, long v, Memory m, int size, int op) {
        MemorySegment page = m.pageAt(ea);
        if (page != null) {
            long i = Memory.pageOffset(ea);
            return switch (size) {
                case 8 -> rmw64(page, i, op, v);
                case 4 -> rmw32(page, i, op, (int) v) & 0xFFFF_FFFFL;
                default -> narrow(page, i, size, op, v);
            };
        }
        synchronized (m) {
            long old = plainRead(m, ea, size);
            plainWrite(m, ea, size, apply(op, old, v));
            return old;
        }
    }

    /**
     * cmpxchg: replaces the value with {@code replacement} if it equals {@code expected} wrapped
     * to the width; returns the old value.
     */
    public static long compareExchange(long ea, long expected, long replacement, Memory m, int size) {
        long want = expected & mask(size);
        MemorySegment page = m.pageAt(ea);
        if (page != null) {
            long i = Memory.pageOffset(ea);
            return switch (size) {
                case 8 -> (long) LONG.compareAndExchange(page, i, want, replacement);
                case 4 -> (int) INT.compareAndExchange(page, i, (int) want, (int) replacement) & 0xFFFF_FFFFL;
                default -> narrowCompareExchange(page, i, size, want, replacement);
            };
        }
        synchronized (m) {
            long old = plainRead(m, ea, size);
            if (old == want) {
                plainWrite(m, ea, size, replacement);
            }
            return old;
        }
    }

    /**
     * memory.atomic.wait: 1 "not-equal" if the value differs from {@code expected} (wrapped to
     * the width), else 0 "ok" once notified or 2 "timed-out"; a negative timeout waits for ever.
     * An interrupt of the waiting JVM thread (the host cancelling it) ends the wait as timed
     * out, with the interrupt flag kept.
     */
    public static int await(long ea, long expected, long timeoutNanos, Memory m, int size) {
        if (!m.shared()) {
            throw new Trap("expected shared memory");
        }
        synchronized (m) {
            if (load(ea, m, size) != (expected & mask(size))) {
                return 1;
            }
            try {
                return m.waitQueues().await(m, ea, timeoutNanos) ? 0 : 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 2;
            }
        }
    }

    /** memory.atomic.notify: wakes at most {@code count} (unsigned i32) waiters; returns how many. */
    public static int notify(long ea, int count, Memory m) {
        synchronized (m) {
            return m.waitQueues().notify(m, ea, count & 0xFFFF_FFFFL);
        }
    }

    // ---- lock-free, on a native page ----

    /** The unsigned value of {@code size} bytes at {@code i}, read with volatile semantics. */
    private static long read(MemorySegment page, long i, int size) {
        return switch (size) {
            case 8 -> (long) LONG.getVolatile(page, i);
            case 4 -> (int) INT.getVolatile(page, i) & 0xFFFF_FFFFL;
            default -> ((int) INT.getVolatile(page, i & ~3) >>> ((int) (i & 3) * 8)) & mask(size);
        };
    }

    private static int rmw32(MemorySegment page, long i, int op, int v) {
        return switch (op) {
            case ADD -> (int) INT.getAndAdd(page, i, v);
            case SUB -> (int) INT.getAndAdd(page, i, -v);
            case AND -> (int) INT.getAndBitwiseAnd(page, i, v);
            case OR -> (int) INT.getAndBitwiseOr(page, i, v);
            case XOR -> (int) INT.getAndBitwiseXor(page, i, v);
            default -> (int) INT.getAndSet(page, i, v);
        };
    }

    private static long rmw64(MemorySegment page, long i, int op, long v) {
        return switch (op) {
            case ADD -> (long) LONG.getAndAdd(page, i, v);
            case SUB -> (long) LONG.getAndAdd(page, i, -v);
            case AND -> (long) LONG.getAndBitwiseAnd(page, i, v);
            case OR -> (long) LONG.getAndBitwiseOr(page, i, v);
            case XOR -> (long) LONG.getAndBitwiseXor(page, i, v);
            default -> (long) LONG.getAndSet(page, i, v);
        };
    }

    /**
     * An 8- or 16-bit read-modify-write (or store, as XCHG) as a compare-and-set loop on the
     * aligned int around it, which is in the same page (pages are whole multiples of 4 bytes).
     */
    private static long narrow(MemorySegment page, long i, int size, int op, long v) {
        long word = i & ~3;
        int shift = (int) (i & 3) * 8;
        int low = (int) mask(size);
        while (true) {
            int w = (int) INT.getVolatile(page, word);
            int old = (w >>> shift) & low;
            int next = (int) apply(op, old, v) & low;
            if (INT.weakCompareAndSet(page, word, w, (w & ~(low << shift)) | (next << shift))) {
                return old;
            }
        }
    }

    private static long narrowCompareExchange(MemorySegment page, long i, int size, long want, long replacement) {
        long word = i & ~3;
        int shift = (int) (i & 3) * 8;
        int low = (int) mask(size);
        while (true) {
            int w = (int) INT.getVolatile(page, word);
            int old = (w >>> shift) & low;
            if (old != want) {
                return old;
            }
            int next = (int) replacement & low;
            if (INT.weakCompareAndSet(page, word, w, (w & ~(low << shift)) | (next << shift))) {
                return old;
            }
        }
    }

    // ---- under the monitor, on a byte[] ----

    private static long apply(int op, long old, long v) {
        return switch (op) {
            case ADD -> old + v;
            case SUB -> old - v;
            case AND -> old & v;
            case OR -> old | v;
            case XOR -> old ^ v;
            default -> v;
        };
    }

    /** Reads under the memory's monitor (held by the caller). */
    private static long plainRead(Memory m, long ea, int size) {
        return switch (size) {
            case 1 -> m.loadU8(ea);
            case 2 -> m.loadU16(ea);
            case 4 -> m.loadI32(ea) & 0xFFFF_FFFFL;
            default -> m.loadI64(ea);
        };
    }

    /** Writes under the memory's monitor (held by the caller). */
    private static void plainWrite(Memory m, long ea, int size, long v) {
        switch (size) {
            case 1 -> m.storeI8(ea, (int) v);
            case 2 -> m.storeI16(ea, (int) v);
            case 4 -> m.storeI32(ea, (int) v);
            default -> m.storeI64(ea, v);
        }
    }
}
