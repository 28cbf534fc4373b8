package dev.jawa.interp;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.Memory;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.NumericConversions;
import dev.jawa.runtime.Table;
import dev.jawa.runtime.Traps;

/**
 * The rare instructions, kept out of the dispatch loop so that it stays small: saturating
 * truncations, bulk memory and table operations, table.get/set, memory.size/grow, and loads and
 * stores on 64-bit memories. Code layout: {@code [EXT, nextPc, ordinal, immediates...]}.
 */
final class Ext {

    private static final Opcode[] OPCODES = Opcode.values();

    private Ext() {
    }

    /** The immediates {@code op} needs in EXT form, or null if the interpreter lacks it. */
    static int[] immediates(Opcode op, InstructionReader in) {
        if (op.prefix() == Opcode.PREFIX_SIMD) {
            return Simd.immediates(op, in);
        }
        if (op.prefix() == Opcode.PREFIX_GC) {
            return Gc.immediates(op, in);
        }
        if (op.prefix() == Opcode.PREFIX_ATOMIC) {
            return Atomics.immediates(op, in);
        }
        if (op.isMemoryAccess() && op.prefix() == 0) {
            long off = in.memOffset();
            return new int[] {in.memIndex(), (int) off, (int) (off >>> 32)};
        }
        return switch (op) {
            case I32_TRUNC_SAT_F32_S, I32_TRUNC_SAT_F32_U, I32_TRUNC_SAT_F64_S, I32_TRUNC_SAT_F64_U,
                 I64_TRUNC_SAT_F32_S, I64_TRUNC_SAT_F32_U, I64_TRUNC_SAT_F64_S, I64_TRUNC_SAT_F64_U -> new int[0];
            case MEMORY_INIT, MEMORY_COPY, TABLE_INIT, TABLE_COPY -> new int[] {in.index(), in.index2()};
            case DATA_DROP, ELEM_DROP, TABLE_GROW, TABLE_SIZE, TABLE_FILL, TABLE_GET, TABLE_SET,
                 MEMORY_SIZE, MEMORY_GROW, MEMORY_FILL -> new int[] {in.index()};
            default -> null;
        };
    }

    /** Runs the EXT instruction whose ordinal is at {@code code[p]}; returns the new stack pointer. */
    static int exec(Machine m, ModuleInstance inst, int[] code, int p, int sp) {
        long[] s = m.s;
        Object[] r = m.r;
        Opcode op = OPCODES[code[p]];
        if (op.prefix() == Opcode.PREFIX_SIMD) {
            return Simd.exec(inst, s, r, code, p, sp);
        }
        if (op.prefix() == Opcode.PREFIX_GC) {
            return Gc.exec(inst, s, r, code, p, sp);
        }
        if (op.prefix() == Opcode.PREFIX_ATOMIC) {
            return Atomics.exec(inst, s, r, code, p, sp);
        }
        switch (op) {
            case I32_TRUNC_SAT_F32_S -> s[sp - 1] = (int) Float.intBitsToFloat((int) s[sp - 1]);
            case I32_TRUNC_SAT_F32_U -> s[sp - 1] = NumericConversions.truncSatU32(Float.intBitsToFloat((int) s[sp - 1]));
            case I32_TRUNC_SAT_F64_S -> s[sp - 1] = (int) Double.longBitsToDouble(s[sp - 1]);
            case I32_TRUNC_SAT_F64_U -> s[sp - 1] = NumericConversions.truncSatU32(Double.longBitsToDouble(s[sp - 1]));
            case I64_TRUNC_SAT_F32_S -> s[sp - 1] = (long) Float.intBitsToFloat((int) s[sp - 1]);
            case I64_TRUNC_SAT_F32_U -> s[sp - 1] = NumericConversions.truncSatU64(Float.intBitsToFloat((int) s[sp - 1]));
            case I64_TRUNC_SAT_F64_S -> s[sp - 1] = (long) Double.longBitsToDouble(s[sp - 1]);
            case I64_TRUNC_SAT_F64_U -> s[sp - 1] = NumericConversions.truncSatU64(Double.longBitsToDouble(s[sp - 1]));
            case MEMORY_SIZE -> {
                Memory mem = inst.memories()[code[p + 1]];
                s[sp] = mem.is64() ? mem.pages() : (long) mem.pages();
                return sp + 1;
            }
            case MEMORY_GROW -> {
                Memory mem = inst.memories()[code[p + 1]];
                long old = mem.grow(addr(mem, s[sp - 1]));
                s[sp - 1] = mem.is64() ? old : (int) old;
            }
            case MEMORY_FILL -> {
                Memory mem = inst.memories()[code[p + 1]];
                mem.fill(addr(mem, s[sp - 3]), (int) s[sp - 2], addr(mem, s[sp - 1]));
                return sp - 3;
            }
            case MEMORY_COPY -> {
                Memory dst = inst.memories()[code[p + 1]];
                Memory src = inst.memories()[code[p + 2]];
                long n = dst.is64() && src.is64() ? s[sp - 1] : s[sp - 1] & 0xFFFF_FFFFL;
                dst.copyFrom(src, addr(src, s[sp - 2]), addr(dst, s[sp - 3]), n);
                return sp - 3;
            }
            case MEMORY_INIT -> {
                Memory mem = inst.memories()[code[p + 2]];
                byte[] data = inst.dataSegments()[code[p + 1]];
                mem.init(data == null ? EMPTY_BYTES : data, s[sp - 2] & 0xFFFF_FFFFL, addr(mem, s[sp - 3]),
                        s[sp - 1] & 0xFFFF_FFFFL);
                return sp - 3;
            }
            case DATA_DROP -> inst.dataSegments()[code[p + 1]] = null;
            case TABLE_GET -> {
                Table t = inst.tables()[code[p + 1]];
                r[sp - 1] = t.get(index(t, s[sp - 1]));
            }
            case TABLE_SET -> {
                Table t = inst.tables()[code[p + 1]];
                t.set(index(t, s[sp - 2]), r[sp - 1]);
                return sp - 2;
            }
            case TABLE_SIZE -> {
                s[sp] = inst.tables()[code[p + 1]].size();
                return sp + 1;
            }
            case TABLE_GROW -> {
                Table t = inst.tables()[code[p + 1]];
                long old = t.grow(index(t, s[sp - 1]), r[sp - 2]);
                s[sp - 2] = t.is64() ? old : (int) old;
                r[sp - 2] = null;
                return sp - 1;
            }
            case TABLE_FILL -> {
                Table t = inst.tables()[code[p + 1]];
                t.fill(index(t, s[sp - 3]), r[sp - 2], index(t, s[sp - 1]));
                return sp - 3;
            }
            case TABLE_COPY -> {
                Table dst = inst.tables()[code[p + 1]];
                Table src = inst.tables()[code[p + 2]];
                long n = dst.is64() && src.is64() ? s[sp - 1] : s[sp - 1] & 0xFFFF_FFFFL;
                dst.copyFrom(src, index(src, s[sp - 2]), index(dst, s[sp - 3]), n);
                return sp - 3;
            }
            case TABLE_INIT -> {
                Table t = inst.tables()[code[p + 2]];
                Object[] seg = inst.elementSegments()[code[p + 1]];
                t.init(seg == null ? EMPTY_REFS : seg, s[sp - 2] & 0xFFFF_FFFFL, index(t, s[sp - 3]),
                        s[sp - 1] & 0xFFFF_FFFFL);
                return sp - 3;
            }
            case ELEM_DROP -> inst.elementSegments()[code[p + 1]] = null;
            default -> {
                if (op.isMemoryAccess()) {
                    return memory64(op, inst, code, p, sp, s);
                }
                throw new dev.jawa.runtime.UnsupportedInstructionException(op);
            }
        }
        return sp;
    }

    private static final byte[] EMPTY_BYTES = new byte[0];
    private static final Object[] EMPTY_REFS = new Object[0];

    private static long addr(Memory m, long v) {
        return m.is64() ? v : v & 0xFFFF_FFFFL;
    }

    private static long index(Table t, long v) {
        return t.is64() ? v : v & 0xFFFF_FFFFL;
    }

    /** A load or store with a 64-bit (or over 32-bit offset) address; overflow past 2^64 traps. */
    private static int memory64(Opcode op, ModuleInstance inst, int[] code, int p, int sp, long[] s) {
        Memory mem = inst.memories()[code[p + 1]];
        long offset = (code[p + 2] & 0xFFFF_FFFFL) | ((long) code[p + 3] << 32);
        boolean store = op.stack() != null && op.stack().endsWith(">");
        int addrSlot = store ? sp - 2 : sp - 1;
        long a = addr(mem, s[addrSlot]);
        long ea = a + offset;
        if (Long.compareUnsigned(ea, a) < 0 || ea < 0) {
            throw Traps.memoryOutOfBounds();
        }
        long v = s[sp - 1];
        switch (op) {
            case I32_LOAD, F32_LOAD -> s[sp - 1] = mem.loadI32(ea);
            case I64_LOAD, F64_LOAD -> s[sp - 1] = mem.loadI64(ea);
            case I32_LOAD8_S -> s[sp - 1] = mem.loadI8(ea);
            case I32_LOAD8_U -> s[sp - 1] = mem.loadU8(ea);
            case I32_LOAD16_S -> s[sp - 1] = mem.loadI16(ea);
            case I32_LOAD16_U -> s[sp - 1] = mem.loadU16(ea);
            case I64_LOAD8_S -> s[sp - 1] = mem.loadI8(ea);
            case I64_LOAD8_U -> s[sp - 1] = mem.loadU8(ea);
            case I64_LOAD16_S -> s[sp - 1] = mem.loadI16(ea);
            case I64_LOAD16_U -> s[sp - 1] = mem.loadU16(ea);
            case I64_LOAD32_S -> s[sp - 1] = mem.loadI32(ea);
            case I64_LOAD32_U -> s[sp - 1] = mem.loadI32(ea) & 0xFFFF_FFFFL;
            case I32_STORE, F32_STORE, I64_STORE32 -> mem.storeI32(ea, (int) v);
            case I64_STORE, F64_STORE -> mem.storeI64(ea, v);
            case I32_STORE8, I64_STORE8 -> mem.storeI8(ea, (int) v);
            case I32_STORE16, I64_STORE16 -> mem.storeI16(ea, (int) v);
            default -> throw new dev.jawa.runtime.UnsupportedInstructionException(op);
        }
        return store ? sp - 2 : sp;
    }
}
