package dev.jawa.interp;

import dev.jawa.Trap;
import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.Memory;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.Traps;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The threads proposal's atomic instructions, run through {@link Ops#EXT}.
 *
 * <p>On a paged memory (every shared memory is one, see {@link Memory}) they are lock-free:
 * 32- and 64-bit accesses are volatile or atomic operations of little-endian {@link VarHandle}s
 * on the native page that holds the address ({@link Memory#pageAt}); 8- and 16-bit ones
 * compare-and-set the aligned 32-bit word around them, since there is no atomic access narrower
 * than int. Every one is sequentially consistent, and an aligned access never straddles two
 * pages. On an ordinary {@code byte[]} memory (unshared, so atomics matter only to Java threads
 * sharing an instance) they run under the memory's monitor instead: the JDK offers no atomic
 * access to a {@code byte[]} through a wider view.
 *
 * <p>The translator decodes each instruction once into a descriptor (kind, width, whether the
 * result is i64), so running it is an int switch, not a look at the mnemonic.
 *
 * <p>Waiting: {@code memory.atomic.wait} on a shared memory whose value matches parks the thread
 * in the memory's {@link dev.jawa.runtime.WaitQueues} until a {@code memory.atomic.notify} on
 * the same address picks it ("ok", 0) or its timeout passes ("timed-out", 2); a negative timeout
 * waits for ever. notify wakes at most its count of waiters, oldest first, and returns how many
 * it woke (0 on an unshared memory, which no one can wait on). Both hold the memory's monitor
 * while they look at the queues, and wait reads the value under it before it parks: a writer
 * that changes the value and then notifies cannot slip in between, so no wake-up is lost.
 */
final class Atomics {

    private static final VarHandle INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();

    // Descriptor: kind in bits 0-3, log2 of the width in bits 4-5, RESULT_I64.
    static final int LOAD = 0;
    static final int STORE = 1;
    static final int ADD = 2;
    static final int SUB = 3;
    static final int AND = 4;
    static final int OR = 5;
    static final int XOR = 6;
    static final int XCHG = 7;
    static final int CMPXCHG = 8;
    static final int NOTIFY = 9;
    static final int WAIT = 10;
    private static final int RESULT_I64 = 1 << 6;
    /** Per kind: the operands after the address. */
    private static final int[] OPERANDS = {0, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2};

    private static final int FENCE = Opcode.ATOMIC_FENCE.ordinal();

    private Atomics() {
    }

    /** {@code memory, offset low, offset high, descriptor}; nothing for {@code atomic.fence}. */
    static int[] immediates(Opcode op, InstructionReader in) {
        if (op == Opcode.ATOMIC_FENCE) {
            return new int[0];
        }
        long off = in.memOffset();
        return new int[] {in.memIndex(), (int) off, (int) (off >>> 32), descriptor(op)};
    }

    /** The descriptor of {@code op}, from its mnemonic ({@code i64.atomic.rmw16.add_u}) and stack type. */
    static int descriptor(Opcode op) {
        String name = op.mnemonic();
        String tail = name.substring(name.lastIndexOf('.') + 1);
        int kind;
        if (op == Opcode.MEMORY_ATOMIC_NOTIFY) {
            kind = NOTIFY;
        } else if (op == Opcode.MEMORY_ATOMIC_WAIT32 || op == Opcode.MEMORY_ATOMIC_WAIT64) {
            kind = WAIT;
        } else if (!name.contains(".rmw")) {
            kind = tail.startsWith("load") ? LOAD : STORE;
        } else {
            kind = switch (tail.replace("_u", "")) {
                case "add" -> ADD;
                case "sub" -> SUB;
                case "and" -> AND;
                case "or" -> OR;
                case "xor" -> XOR;
                case "xchg" -> XCHG;
                case "cmpxchg" -> CMPXCHG;
                default -> throw new IllegalArgumentException("not an atomic operation: " + name);
            };
        }
        String sig = op.stack();
        boolean i64 = sig.charAt(sig.length() - 1) == 'l';
        return kind | op.naturalAlignLog2() << 4 | (i64 ? RESULT_I64 : 0);
    }

    static int exec(ModuleInstance inst, long[] s, Object[] r, int[] code, int p, int sp) {
        if (code[p] == FENCE) {
            VarHandle.fullFence();
            return sp;
        }
        Memory mem = inst.memories()[code[p + 1]];
        long offset = (code[p + 2] & 0xFFFF_FFFFL) | ((long) code[p + 3] << 32);
        int d = code[p + 4];
        int kind = d & 15;
        int size = 1 << ((d >>> 4) & 3);
        int addrSlot = sp - 1 - OPERANDS[kind];
        long base = mem.is64() ? s[addrSlot] : s[addrSlot] & 0xFFFF_FFFFL;
        long ea = base + offset;
        if (Long.compareUnsigned(ea, base) < 0 || ea < 0) {
            throw Traps.memoryOutOfBounds();
        }
        mem.check(ea, size);
        if ((ea & (size - 1)) != 0) {
            throw new Trap("unaligned atomic");
        }
        MemorySegment page = mem.pageAt(ea);
        long b = s[sp - 1]; // the last operand (the address itself for a load, unused then)
        long a = kind == CMPXCHG ? s[sp - 2] : 0;
        long value;
        if (kind == NOTIFY) {
            synchronized (mem) {
                value = mem.waitQueues().notify(mem, ea, s[sp - 1] & 0xFFFF_FFFFL);
            }
        } else if (kind == WAIT) {
            value = waitOn(mem, ea, size, s[sp - 2], s[sp - 1]);
        } else if (page != null) {
            value = access(kind, page, Memory.pageOffset(ea), size, a, b);
        } else {
            synchronized (mem) {
                value = locked(kind, mem, ea, size, a, b);
            }
        }
        if (kind == STORE) {
            return addrSlot;
        }
        s[addrSlot] = (d & RESULT_I64) != 0 ? value : (int) value;
        return addrSlot + 1;
    }

    private static long mask(int size) {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }

    /**
     * A load, store or read-modify-write on a native page: {@code b} is the last operand,
     * {@code a} the one before (cmpxchg's expected value). Returns the old value, unsigned.
     */
    private static long access(int kind, MemorySegment page, long i, int size, long a, long b) {
        return switch (kind) {
            case LOAD -> load(page, i, size);
            case STORE -> {
                store(page, i, size, b);
                yield 0;
            }
            case CMPXCHG -> compareExchange(page, i, size, a, b);
            default -> readModifyWrite(kind, page, i, size, b);
        };
    }

    /** The same on an array memory, under its monitor, with plain accesses. */
    private static long locked(int kind, Memory mem, long ea, int size, long a, long b) {
        long old = switch (size) {
            case 1 -> mem.loadU8(ea);
            case 2 -> mem.loadU16(ea);
            case 4 -> mem.loadI32(ea) & 0xFFFF_FFFFL;
            default -> mem.loadI64(ea);
        };
        long next = switch (kind) {
            case LOAD -> old;
            case STORE, XCHG -> b;
            case ADD -> old + b;
            case SUB -> old - b;
            case AND -> old & b;
            case OR -> old | b;
            case XOR -> old ^ b;
            default -> old == (a & mask(size)) ? b : old; // CMPXCHG
        };
        if (kind != LOAD) {
            switch (size) {
                case 1 -> mem.storeI8(ea, (int) next);
                case 2 -> mem.storeI16(ea, (int) next);
                case 4 -> mem.storeI32(ea, (int) next);
                default -> mem.storeI64(ea, next);
            }
        }
        return old;
    }

    /** The unsigned value of the {@code size} bytes at {@code i}, read with volatile semantics. */
    static long load(MemorySegment a, long i, int size) {
        return switch (size) {
            case 8 -> (long) LONG.getVolatile(a, i);
            case 4 -> (int) INT.getVolatile(a, i) & 0xFFFF_FFFFL;
            default -> ((int) INT.getVolatile(a, i & ~3) >>> ((int) (i & 3) * 8)) & mask(size);
        };
    }

    private static void store(MemorySegment a, long i, int size, long v) {
        switch (size) {
            case 8 -> LONG.setVolatile(a, i, v);
            case 4 -> INT.setVolatile(a, i, (int) v);
            default -> narrow(XCHG, a, i, size, v);
        }
    }

    /** An atomic add, sub, and, or, xor or xchg; returns the old (unsigned) value. */
    private static long readModifyWrite(int kind, MemorySegment a, long i, int size, long v) {
        if (size == 4) {
            int x = (int) v;
            int old = switch (kind) {
                case ADD -> (int) INT.getAndAdd(a, i, x);
                case SUB -> (int) INT.getAndAdd(a, i, -x);
                case AND -> (int) INT.getAndBitwiseAnd(a, i, x);
                case OR -> (int) INT.getAndBitwiseOr(a, i, x);
                case XOR -> (int) INT.getAndBitwiseXor(a, i, x);
                default -> (int) INT.getAndSet(a, i, x);
            };
            return old & 0xFFFF_FFFFL;
        }
        if (size == 8) {
            return switch (kind) {
                case ADD -> (long) LONG.getAndAdd(a, i, v);
                case SUB -> (long) LONG.getAndAdd(a, i, -v);
                case AND -> (long) LONG.getAndBitwiseAnd(a, i, v);
                case OR -> (long) LONG.getAndBitwiseOr(a, i, v);
                case XOR -> (long) LONG.getAndBitwiseXor(a, i, v);
                default -> (long) LONG.getAndSet(a, i, v);
            };
        }
        return narrow(kind, a, i, size, v);
    }

    /**
     * An 8- or 16-bit read-modify-write as a compare-and-set loop on the aligned int around it
     * (which is in the same page: pages are whole multiples of 4 bytes).
     */
    private static long narrow(int kind, MemorySegment a, long i, int size, long v) {
        long base = i & ~3;
        int shift = (int) (i & 3) * 8;
        int low = (int) mask(size);
        while (true) {
            int word = (int) INT.getVolatile(a, base);
            int old = (word >>> shift) & low;
            int x = (int) v;
            int next = switch (kind) {
                case ADD -> old + x;
                case SUB -> old - x;
                case AND -> old & x;
                case OR -> old | x;
                case XOR -> old ^ x;
                default -> x;
            } & low;
            int updated = (word & ~(low << shift)) | (next << shift);
            if (INT.weakCompareAndSet(a, base, word, updated)) {
                return old;
            }
        }
    }

    /** cmpxchg: replaces the value with {@code replacement} if it equals {@code expected} wrapped to the width. */
    private static long compareExchange(MemorySegment a, long i, int size, long expected, long replacement) {
        if (size == 8) {
            return (long) LONG.compareAndExchange(a, i, expected, replacement);
        }
        if (size == 4) {
            return (int) INT.compareAndExchange(a, i, (int) expected, (int) replacement) & 0xFFFF_FFFFL;
        }
        long base = i & ~3;
        int shift = (int) (i & 3) * 8;
        int low = (int) mask(size);
        int want = (int) expected & low;
        while (true) {
            int word = (int) INT.getVolatile(a, base);
            int old = (word >>> shift) & low;
            if (old != want) {
                return old;
            }
            int updated = (word & ~(low << shift)) | (((int) replacement & low) << shift);
            if (INT.weakCompareAndSet(a, base, word, updated)) {
                return old;
            }
        }
    }

    /**
     * memory.atomic.wait: 1 "not-equal" if the value differs, else 0 "ok" once notified or 2
     * "timed-out". An interrupt of the waiting JVM thread (the host cancelling it) ends the wait
     * as timed out, with the interrupt flag kept.
     */
    private static long waitOn(Memory mem, long ea, int size, long expected, long timeoutNanos) {
        if (!mem.shared()) {
            throw new Trap("expected shared memory");
        }
        synchronized (mem) {
            long current = mem.pageAt(ea) != null ? load(mem.pageAt(ea), Memory.pageOffset(ea), size)
                    : locked(LOAD, mem, ea, size, 0, 0);
            if (current != (expected & mask(size))) {
                return 1;
            }
            try {
                return mem.waitQueues().await(mem, ea, timeoutNanos) ? 0 : 2;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 2;
            }
        }
    }
}
