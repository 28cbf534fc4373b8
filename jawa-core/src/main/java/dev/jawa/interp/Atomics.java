package dev.jawa.interp;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.Memory;
import dev.jawa.runtime.MemoryAtomics;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.Traps;
import java.lang.invoke.VarHandle;

/**
 * The threads proposal's atomic instructions, run through {@link Ops#EXT}.
 *
 * <p>The accesses themselves (lock-free on a paged memory, under the monitor on a {@code byte[]})
 * are {@link MemoryAtomics}, which the compiler tier runs too.
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
        MemoryAtomics.checked(ea, mem, size);
        long b = s[sp - 1]; // the last operand (the address itself for a load, unused then)
        long value = switch (kind) {
            case LOAD -> MemoryAtomics.load(ea, mem, size);
            case STORE -> {
                MemoryAtomics.store(ea, b, mem, size);
                yield 0;
            }
            case CMPXCHG -> MemoryAtomics.compareExchange(ea, s[sp - 2], b, mem, size);
            case NOTIFY -> MemoryAtomics.notify(ea, (int) b, mem);
            case WAIT -> MemoryAtomics.await(ea, s[sp - 2], b, mem, size);
            default -> MemoryAtomics.readModifyWrite(ea, b, mem, size, kind - ADD); // ADD ... XCHG in order
        };
        if (kind == STORE) {
            return addrSlot;
        }
        s[addrSlot] = (d & RESULT_I64) != 0 ? value : (int) value;
        return addrSlot + 1;
    }
}
