package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.Memory;
import java.lang.constant.ClassDesc;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The threads proposal's atomic accesses for compiled code ({@link AtomicEmitter} calls them):
 * loads, stores, read-modify-writes, compare-exchange, wait and notify, each taking the address,
 * its operands, then the memarg's offset, the memory and the access width in bytes (and the
 * operator, for rmw) as constants, so once HotSpot inlines a call its switches fold away.
 *
 * <p>Order of checks, as the spec and the interpreter have it: effective address out of bounds
 * traps "out of bounds memory access", then an address that is not a multiple of the width traps
 * "unaligned atomic".
 *
 * <p>On a paged memory (every shared memory is one, see {@link Memory}) accesses are lock-free
 * and sequentially consistent: volatile and atomic modes of little-endian {@link VarHandle}s on
 * the native page holding the address ({@link Memory#pageAt}; an aligned access never straddles
 * two pages); an 8- or 16-bit access compare-and-sets the aligned int around it, as no atomic
 * access is narrower than int. That is the interpreter's scheme too, so the two tiers' atomics
 * are atomic with respect to each other (a function still interpreted and one compiled can share
 * a memory). On an ordinary {@code byte[]} memory (unshared, so atomics matter only to Java
 * threads sharing an instance) accesses run under the memory's monitor, again as the
 * interpreter's do: on JDK 25 byte-array views throw UnsupportedOperationException for every
 * atomic and volatile access mode.
 *
 * <p>Wait and notify work on the memory's {@link dev.jawa.runtime.WaitQueues} under its monitor,
 * and wait reads the value under it before parking: a writer that changes the value and then
 * notifies cannot slip in between, so no wake-up is lost.
 */
final class AtomicAccess {

    static final ClassDesc CD = ClassDesc.of(AtomicAccess.class.getName());

    // The read-modify-write operators (the rmw helper's last argument).
    static final int ADD = 0;
    static final int SUB = 1;
    static final int AND = 2;
    static final int OR = 3;
    static final int XOR = 4;
    static final int XCHG = 5;

    private static final VarHandle INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    private AtomicAccess() {
    }

    /** The effective address, checked in bounds and aligned to {@code size}. */
    private static long address(long ea, Memory m, int size) {
        m.check(ea, size);
        if ((ea & (size - 1)) != 0) {
            throw new Trap("unaligned atomic");
        }
        return ea;
    }

    private static long mask(int size) {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }

    // ---- by effective address; values zero-extended from their width ----

    private static long load(long ea, Memory m, int size) {
        MemorySegment page = m.pageAt(ea);
        if (page != null) {
            return read(page, Memory.pageOffset(ea), size);
        }
        synchronized (m) {
            return plainRead(m, ea, size);
        }
    }

    private static void store(long ea, long v, Memory m, int size) {
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

    private static long rmw(long ea, long v, Memory m, int size, int op) {
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

    private static long cmpxchg(long ea, long expected, long replacement, Memory m, int size) {
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

    private static int waitOn(long ea, long expected, long timeoutNanos, Memory m, int size) {
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
                // The host cancelling the thread: the wait ends as timed out, the flag kept.
                Thread.currentThread().interrupt();
                return 2;
            }
        }
    }

    private static int notifyOn(long ea, int count, Memory m) {
        synchronized (m) {
            return m.waitQueues().notify(m, ea, count & 0xFFFF_FFFFL);
        }
    }

    // ---- the entry points: i32 and i64 addresses, i32 and i64 operands ----

    static long load(int a, long off, Memory m, int size) {
        return load(address(MemoryAccess.ea(a, off), m, size), m, size);
    }

    static long load(long a, long off, Memory m, int size) {
        return load(address(MemoryAccess.ea(a, off), m, size), m, size);
    }

    static void store(int a, int v, long off, Memory m, int size) {
        store(address(MemoryAccess.ea(a, off), m, size), v, m, size);
    }

    static void store(int a, long v, long off, Memory m, int size) {
        store(address(MemoryAccess.ea(a, off), m, size), v, m, size);
    }

    static void store(long a, int v, long off, Memory m, int size) {
        store(address(MemoryAccess.ea(a, off), m, size), v, m, size);
    }

    static void store(long a, long v, long off, Memory m, int size) {
        store(address(MemoryAccess.ea(a, off), m, size), v, m, size);
    }

    static long rmw(int a, int v, long off, Memory m, int size, int op) {
        return rmw(address(MemoryAccess.ea(a, off), m, size), v, m, size, op);
    }

    static long rmw(int a, long v, long off, Memory m, int size, int op) {
        return rmw(address(MemoryAccess.ea(a, off), m, size), v, m, size, op);
    }

    static long rmw(long a, int v, long off, Memory m, int size, int op) {
        return rmw(address(MemoryAccess.ea(a, off), m, size), v, m, size, op);
    }

    static long rmw(long a, long v, long off, Memory m, int size, int op) {
        return rmw(address(MemoryAccess.ea(a, off), m, size), v, m, size, op);
    }

    static long cmpxchg(int a, int expected, int replacement, long off, Memory m, int size) {
        return cmpxchg(address(MemoryAccess.ea(a, off), m, size), expected, replacement, m, size);
    }

    static long cmpxchg(int a, long expected, long replacement, long off, Memory m, int size) {
        return cmpxchg(address(MemoryAccess.ea(a, off), m, size), expected, replacement, m, size);
    }

    static long cmpxchg(long a, int expected, int replacement, long off, Memory m, int size) {
        return cmpxchg(address(MemoryAccess.ea(a, off), m, size), expected, replacement, m, size);
    }

    static long cmpxchg(long a, long expected, long replacement, long off, Memory m, int size) {
        return cmpxchg(address(MemoryAccess.ea(a, off), m, size), expected, replacement, m, size);
    }

    /** memory.atomic.wait32: the expected value is an i32. */
    static int wait(int a, int expected, long timeout, long off, Memory m, int size) {
        return waitOn(address(MemoryAccess.ea(a, off), m, size), expected, timeout, m, size);
    }

    /** memory.atomic.wait64: the expected value is an i64. */
    static int wait(int a, long expected, long timeout, long off, Memory m, int size) {
        return waitOn(address(MemoryAccess.ea(a, off), m, size), expected, timeout, m, size);
    }

    static int wait(long a, int expected, long timeout, long off, Memory m, int size) {
        return waitOn(address(MemoryAccess.ea(a, off), m, size), expected, timeout, m, size);
    }

    static int wait(long a, long expected, long timeout, long off, Memory m, int size) {
        return waitOn(address(MemoryAccess.ea(a, off), m, size), expected, timeout, m, size);
    }

    static int notify(int a, int count, long off, Memory m, int size) {
        return notifyOn(address(MemoryAccess.ea(a, off), m, size), count, m);
    }

    static int notify(long a, int count, long off, Memory m, int size) {
        return notifyOn(address(MemoryAccess.ea(a, off), m, size), count, m);
    }
}
