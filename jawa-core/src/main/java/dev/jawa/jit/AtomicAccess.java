package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.Memory;
import java.lang.constant.ClassDesc;

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
 * <p>Every access runs under the memory's monitor through its own accessors, exactly as the
 * interpreter's do, so the two tiers' atomics are atomic with respect to each other (a function
 * still interpreted and one compiled can share a memory). Lock-free VarHandle access is not
 * possible on the {@code byte[]} backing: on this JDK (25) byte-array views throw
 * UnsupportedOperationException for every atomic and volatile access mode (and a heap segment of
 * a byte[] allows only unaligned, hence plain, access to wider values), and
 * atomics of mixed widths on one memory must agree, so a lock-free 8-bit path beside locked
 * wider ones would not be atomic. (A native-memory backing for shared memories, which allows
 * lock-free atomics, is for the interpreter and this class to adopt together.)
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
        synchronized (m) {
            return plainRead(m, ea, size);
        }
    }

    private static void store(long ea, long v, Memory m, int size) {
        synchronized (m) {
            plainWrite(m, ea, size, v);
        }
    }

    private static long rmw(long ea, long v, Memory m, int size, int op) {
        synchronized (m) {
            long old = plainRead(m, ea, size);
            plainWrite(m, ea, size, apply(op, old, v));
            return old;
        }
    }

    private static long cmpxchg(long ea, long expected, long replacement, Memory m, int size) {
        long want = expected & mask(size);
        synchronized (m) {
            long old = plainRead(m, ea, size);
            if (old == want) {
                plainWrite(m, ea, size, replacement);
            }
            return old;
        }
    }

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
            if (plainRead(m, ea, size) != (expected & mask(size))) {
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
