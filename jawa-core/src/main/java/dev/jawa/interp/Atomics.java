package dev.jawa.interp;

import dev.jawa.Trap;
import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.Memory;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.Traps;

/**
 * The threads proposal's atomic instructions, run through {@link Ops#EXT}. Every atomic access
 * (load, store, read-modify-write, compare-exchange) runs under the memory's monitor, which makes
 * them sequentially consistent with each other at any width. The operator and width come from
 * the mnemonic in the one {@link Opcode} table ({@code i64.atomic.rmw16.add_u}: 16 bits, add).
 *
 * <p>Waiting: {@code memory.atomic.wait} on a shared memory whose value matches parks the thread
 * in the memory's {@link dev.jawa.runtime.WaitQueues} (releasing the monitor) until a
 * {@code memory.atomic.notify} on the same address picks it ("ok", 0) or its timeout passes
 * ("timed-out", 2); a negative timeout waits for ever. notify wakes at most its count of waiters,
 * oldest first, and returns how many it woke (0 on an unshared memory, which no one can wait on).
 */
final class Atomics {

    private static final Opcode[] OPCODES = Opcode.values();

    private Atomics() {
    }

    static int[] immediates(Opcode op, InstructionReader in) {
        if (op == Opcode.ATOMIC_FENCE) {
            return new int[0];
        }
        long off = in.memOffset();
        return new int[] {in.memIndex(), (int) off, (int) (off >>> 32)};
    }

    /** The access width in bytes, from the mnemonic (or the natural alignment for wait/notify). */
    private static int width(Opcode op) {
        return 1 << op.naturalAlignLog2();
    }

    static int exec(ModuleInstance inst, long[] s, Object[] r, int[] code, int p, int sp) {
        Opcode op = OPCODES[code[p]];
        if (op == Opcode.ATOMIC_FENCE) {
            return sp;
        }
        Memory mem = inst.memories()[code[p + 1]];
        long offset = (code[p + 2] & 0xFFFF_FFFFL) | ((long) code[p + 3] << 32);
        String sig = op.stack();
        int params = sig.indexOf('>');
        int addrSlot = sp - params;
        long a = mem.is64() ? s[addrSlot] : s[addrSlot] & 0xFFFF_FFFFL;
        long ea = a + offset;
        int size = width(op);
        if (Long.compareUnsigned(ea, a) < 0 || ea < 0) {
            throw Traps.memoryOutOfBounds();
        }
        mem.check(ea, size);
        if ((ea & (size - 1)) != 0) {
            throw new Trap("unaligned atomic");
        }
        String name = op.mnemonic();
        boolean result = params < sig.length() - 1;
        long value;
        synchronized (mem) {
            if (op == Opcode.MEMORY_ATOMIC_NOTIFY) {
                value = mem.waitQueues().notify(mem, ea, s[sp - 1] & 0xFFFF_FFFFL);
            } else if (op == Opcode.MEMORY_ATOMIC_WAIT32 || op == Opcode.MEMORY_ATOMIC_WAIT64) {
                value = waitOn(mem, ea, size, s[sp - 2], s[sp - 1]);
            } else {
                long old = read(mem, ea, size);
                value = old;
                if (name.contains(".rmw")) {
                    String rmw = name.substring(name.lastIndexOf('.') + 1);
                    long operand = s[sp - 1];
                    long next = switch (rmw) {
                        case "add", "add_u" -> old + operand;
                        case "sub", "sub_u" -> old - operand;
                        case "and", "and_u" -> old & operand;
                        case "or", "or_u" -> old | operand;
                        case "xor", "xor_u" -> old ^ operand;
                        case "xchg", "xchg_u" -> operand;
                        default -> { // cmpxchg: expected at sp - 2, replacement at sp - 1
                            long expected = s[sp - 2] & mask(size);
                            yield old == expected ? operand : old;
                        }
                    };
                    write(mem, ea, size, next);
                } else if (!result) {
                    write(mem, ea, size, s[sp - 1]);
                }
            }
        }
        if (!result) {
            return addrSlot;
        }
        boolean i32 = sig.charAt(sig.length() - 1) == 'i';
        s[addrSlot] = i32 ? (int) value : value;
        return addrSlot + 1;
    }

    private static long mask(int size) {
        return size == 8 ? -1L : (1L << (size * 8)) - 1;
    }

    /** The unsigned value of {@code size} bytes at {@code ea}. */
    private static long read(Memory mem, long ea, int size) {
        return switch (size) {
            case 1 -> mem.loadU8(ea);
            case 2 -> mem.loadU16(ea);
            case 4 -> mem.loadI32(ea) & 0xFFFF_FFFFL;
            default -> mem.loadI64(ea);
        };
    }

    private static void write(Memory mem, long ea, int size, long v) {
        switch (size) {
            case 1 -> mem.storeI8(ea, (int) v);
            case 2 -> mem.storeI16(ea, (int) v);
            case 4 -> mem.storeI32(ea, (int) v);
            default -> mem.storeI64(ea, v);
        }
    }

    /**
     * memory.atomic.wait: 1 "not-equal" if the value differs, else 0 "ok" once notified or 2
     * "timed-out". Called holding the memory's monitor. An interrupt of the waiting JVM thread
     * (the host cancelling it) ends the wait as timed out, with the interrupt flag kept.
     */
    private static long waitOn(Memory mem, long ea, int size, long expected, long timeoutNanos) {
        if (!mem.shared()) {
            throw new Trap("expected shared memory");
        }
        if (read(mem, ea, size) != (expected & mask(size))) {
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
