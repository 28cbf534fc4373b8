package dev.jawa.jit;

import dev.jawa.runtime.Memory;
import dev.jawa.runtime.MemoryAtomics;
import java.lang.constant.ClassDesc;

/**
 * The threads proposal's atomic accesses for compiled code ({@link AtomicEmitter} calls them):
 * loads, stores, read-modify-writes, compare-exchange, wait and notify, each taking the address,
 * its operands, then the memarg's offset, the memory and the access width in bytes (and the
 * operator, for rmw) as constants, so once HotSpot inlines a call its switches fold away. Each
 * forms the effective address and runs the access in {@link MemoryAtomics}, the semantics the
 * interpreter shares (so the two tiers' atomics are atomic with respect to each other).
 */
final class AtomicAccess {

    static final ClassDesc CD = ClassDesc.of(AtomicAccess.class.getName());

    // The read-modify-write operators (the rmw helper's last argument).
    static final int ADD = MemoryAtomics.ADD;
    static final int SUB = MemoryAtomics.SUB;
    static final int AND = MemoryAtomics.AND;
    static final int OR = MemoryAtomics.OR;
    static final int XOR = MemoryAtomics.XOR;
    static final int XCHG = MemoryAtomics.XCHG;

    private AtomicAccess() {
    }

    // ---- the entry points: i32 and i64 addresses, i32 and i64 operands ----

    static long load(int a, long off, Memory m, int size) {
        return MemoryAtomics.load(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), m, size);
    }

    static long load(long a, long off, Memory m, int size) {
        return MemoryAtomics.load(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), m, size);
    }

    static void store(int a, int v, long off, Memory m, int size) {
        MemoryAtomics.store(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), v, m, size);
    }

    static void store(int a, long v, long off, Memory m, int size) {
        MemoryAtomics.store(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), v, m, size);
    }

    static void store(long a, int v, long off, Memory m, int size) {
        MemoryAtomics.store(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), v, m, size);
    }

    static void store(long a, long v, long off, Memory m, int size) {
        MemoryAtomics.store(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), v, m, size);
    }

    static long rmw(int a, int v, long off, Memory m, int size, int op) {
        return MemoryAtomics.readModifyWrite(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), v, m, size, op);
    }

    static long rmw(int a, long v, long off, Memory m, int size, int op) {
        return MemoryAtomics.readModifyWrite(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), v, m, size, op);
    }

    static long rmw(long a, int v, long off, Memory m, int size, int op) {
        return MemoryAtomics.readModifyWrite(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), v, m, size, op);
    }

    static long rmw(long a, long v, long off, Memory m, int size, int op) {
        return MemoryAtomics.readModifyWrite(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), v, m, size, op);
    }

    static long cmpxchg(int a, int expected, int replacement, long off, Memory m, int size) {
        return MemoryAtomics.compareExchange(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), expected, replacement, m, size);
    }

    static long cmpxchg(int a, long expected, long replacement, long off, Memory m, int size) {
        return MemoryAtomics.compareExchange(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), expected, replacement, m, size);
    }

    static long cmpxchg(long a, int expected, int replacement, long off, Memory m, int size) {
        return MemoryAtomics.compareExchange(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), expected, replacement, m, size);
    }

    static long cmpxchg(long a, long expected, long replacement, long off, Memory m, int size) {
        return MemoryAtomics.compareExchange(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), expected, replacement, m, size);
    }

    /** memory.atomic.wait32: the expected value is an i32. */
    static int wait(int a, int expected, long timeout, long off, Memory m, int size) {
        return MemoryAtomics.await(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), expected, timeout, m, size);
    }

    /** memory.atomic.wait64: the expected value is an i64. */
    static int wait(int a, long expected, long timeout, long off, Memory m, int size) {
        return MemoryAtomics.await(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), expected, timeout, m, size);
    }

    static int wait(long a, int expected, long timeout, long off, Memory m, int size) {
        return MemoryAtomics.await(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), expected, timeout, m, size);
    }

    static int wait(long a, long expected, long timeout, long off, Memory m, int size) {
        return MemoryAtomics.await(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), expected, timeout, m, size);
    }

    static int notify(int a, int count, long off, Memory m, int size) {
        return MemoryAtomics.notify(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), count, m);
    }

    static int notify(long a, int count, long off, Memory m, int size) {
        return MemoryAtomics.notify(MemoryAtomics.checked(MemoryAccess.ea(a, off), m, size), count, m);
    }
}
