package dev.jawa.interp;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.Memory;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.Traps;
import dev.jawa.runtime.V128;

/**
 * The SIMD instructions (v128), run through {@link Ops#EXT}. Values are immutable {@link V128}s in
 * the object slots. Lanewise operators are written once per operator, not once per shape: the
 * shape (lane width) and operator name of each opcode are read from its mnemonic in the one
 * {@link Opcode} table ({@code i16x8.add_sat_s} is lane width 16, operator {@code add_sat_s}).
 *
 * <p>This first version favours exactness over speed (it unpacks lanes into arrays); relaxed
 * instructions take their deterministic counterparts' semantics, which the spec allows.
 */
final class Simd {

    private static final Opcode[] OPCODES = Opcode.values();
    /** Per opcode ordinal: lane width in bits (0 for non-lane instructions). */
    private static final int[] LANE_BITS = new int[OPCODES.length];
    /** Per opcode ordinal: whether the lanes are floats. */
    private static final boolean[] FLOAT = new boolean[OPCODES.length];
    /** Per opcode ordinal: the operator name after the shape. */
    private static final String[] NAME = new String[OPCODES.length];

    static {
        for (Opcode op : OPCODES) {
            if (op.prefix() != Opcode.PREFIX_SIMD) {
                continue;
            }
            String m = op.mnemonic();
            int dot = m.indexOf('.');
            String shape = m.substring(0, dot);
            NAME[op.ordinal()] = m.substring(dot + 1);
            FLOAT[op.ordinal()] = shape.startsWith("f");
            LANE_BITS[op.ordinal()] = switch (shape) {
                case "i8x16" -> 8;
                case "i16x8" -> 16;
                case "i32x4", "f32x4" -> 32;
                case "i64x2", "f64x2" -> 64;
                default -> 0;
            };
        }
    }

    private Simd() {
    }

    /** The EXT immediates of a SIMD instruction. */
    static int[] immediates(Opcode op, InstructionReader in) {
        return switch (op.imm()) {
            case MEMARG, MEMARG_LANE -> {
                long off = in.memOffset();
                yield new int[] {in.memIndex(), (int) off, (int) (off >>> 32), op.imm() == Opcode.Imm.MEMARG_LANE ? in.index() : 0};
            }
            case V128, SHUFFLE -> new int[] {(int) in.v128Low(), (int) (in.v128Low() >>> 32), (int) in.v128High(),
                    (int) (in.v128High() >>> 32)};
            case LANE -> new int[] {in.index()};
            default -> new int[0];
        };
    }

    static V128 vec(Object o) {
        return o == null ? V128.ZERO : (V128) o;
    }

    private static long join(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }

    // Lanes.

    /** The lanes of {@code v}, each sign- or zero-extended to a long. */
    static long[] lanes(V128 v, int bits, boolean signed) {
        int n = 128 / bits;
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            int bit = i * bits;
            long half = bit < 64 ? v.low() : v.high();
            long x = half >>> (bit & 63);
            if (bits < 64) {
                x = signed ? (x << (64 - bits)) >> (64 - bits) : x & ((1L << bits) - 1);
            }
            out[i] = x;
        }
        return out;
    }

    /** Packs lanes (each truncated to {@code bits}) into a v128. */
    static V128 pack(long[] lanes, int bits) {
        long lo = 0;
        long hi = 0;
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        for (int i = 0; i < lanes.length; i++) {
            int bit = i * bits;
            long x = (lanes[i] & mask) << (bit & 63);
            if (bit < 64) {
                lo |= x;
            } else {
                hi |= x;
            }
        }
        return new V128(lo, hi);
    }

    /** Runs the SIMD instruction at {@code code[p]}; returns the new stack pointer. */
    static int exec(ModuleInstance inst, long[] s, Object[] r, int[] code, int p, int sp) {
        int ord = code[p];
        Opcode op = OPCODES[ord];
        String name = NAME[ord];
        int bits = LANE_BITS[ord];
        if (op.isMemoryAccess()) {
            return memory(op, inst, s, r, code, p, sp);
        }
        switch (op) {
            case V128_CONST -> {
                r[sp] = new V128(join(code[p + 1], code[p + 2]), join(code[p + 3], code[p + 4]));
                return sp + 1;
            }
            case I8X16_SHUFFLE -> {
                long[] a = lanes(vec(r[sp - 2]), 8, false);
                long[] b = lanes(vec(r[sp - 1]), 8, false);
                long[] sel = lanes(new V128(join(code[p + 1], code[p + 2]), join(code[p + 3], code[p + 4])), 8, false);
                long[] out = new long[16];
                for (int i = 0; i < 16; i++) {
                    int k = (int) sel[i];
                    out[i] = k < 16 ? a[k] : b[k - 16];
                }
                r[sp - 2] = pack(out, 8);
                return sp - 1;
            }
            case I8X16_SWIZZLE, I8X16_RELAXED_SWIZZLE -> {
                long[] a = lanes(vec(r[sp - 2]), 8, false);
                long[] sel = lanes(vec(r[sp - 1]), 8, false);
                long[] out = new long[16];
                for (int i = 0; i < 16; i++) {
                    out[i] = sel[i] < 16 ? a[(int) sel[i]] : 0;
                }
                r[sp - 2] = pack(out, 8);
                return sp - 1;
            }
            case V128_NOT -> {
                V128 a = vec(r[sp - 1]);
                r[sp - 1] = new V128(~a.low(), ~a.high());
                return sp;
            }
            case V128_AND, V128_ANDNOT, V128_OR, V128_XOR -> {
                V128 a = vec(r[sp - 2]);
                V128 b = vec(r[sp - 1]);
                r[sp - 2] = switch (op) {
                    case V128_AND -> new V128(a.low() & b.low(), a.high() & b.high());
                    case V128_ANDNOT -> new V128(a.low() & ~b.low(), a.high() & ~b.high());
                    case V128_OR -> new V128(a.low() | b.low(), a.high() | b.high());
                    default -> new V128(a.low() ^ b.low(), a.high() ^ b.high());
                };
                return sp - 1;
            }
            case V128_BITSELECT, I8X16_RELAXED_LANESELECT, I16X8_RELAXED_LANESELECT, I32X4_RELAXED_LANESELECT,
                 I64X2_RELAXED_LANESELECT -> {
                V128 a = vec(r[sp - 3]);
                V128 b = vec(r[sp - 2]);
                V128 c = vec(r[sp - 1]);
                r[sp - 3] = new V128((a.low() & c.low()) | (b.low() & ~c.low()), (a.high() & c.high()) | (b.high() & ~c.high()));
                return sp - 2;
            }
            case V128_ANY_TRUE -> {
                V128 a = vec(r[sp - 1]);
                s[sp - 1] = (a.low() | a.high()) != 0 ? 1 : 0;
                r[sp - 1] = null;
                return sp;
            }
            default -> {
            }
        }
        if (name.equals("splat")) {
            long x = s[sp - 1];
            long[] out = new long[128 / bits];
            java.util.Arrays.fill(out, x);
            r[sp - 1] = pack(out, bits);
            return sp;
        }
        if (name.startsWith("extract_lane")) {
            long[] a = lanes(vec(r[sp - 1]), bits, !name.endsWith("_u"));
            long x = a[code[p + 1]];
            s[sp - 1] = bits == 64 ? x : (bits == 32 ? (int) x : (int) x);
            r[sp - 1] = null;
            return sp;
        }
        if (name.equals("replace_lane")) {
            long[] a = lanes(vec(r[sp - 2]), bits, false);
            a[code[p + 1]] = s[sp - 1];
            r[sp - 2] = pack(a, bits);
            return sp - 1;
        }
        return FLOAT[ord] || name.contains("convert") || name.contains("trunc_sat") || name.contains("relaxed_trunc")
                || name.startsWith("demote") || name.startsWith("promote")
                ? SimdFloat.exec(op, name, bits, s, r, sp)
                : SimdInt.exec(op, name, bits, s, r, sp);
    }

    private static int memory(Opcode op, ModuleInstance inst, long[] s, Object[] r, int[] code, int p, int sp) {
        Memory mem = inst.memories()[code[p + 1]];
        long offset = join(code[p + 2], code[p + 3]);
        int lane = code[p + 4];
        String name = NAME[op.ordinal()];
        boolean store = name.startsWith("store");
        boolean laneOp = name.endsWith("_lane");
        int addrSlot = store || laneOp ? sp - 2 : sp - 1;
        long a = mem.is64() ? s[addrSlot] : s[addrSlot] & 0xFFFF_FFFFL;
        long ea = a + offset;
        if (Long.compareUnsigned(ea, a) < 0 || ea < 0) {
            throw Traps.memoryOutOfBounds();
        }
        V128 result;
        switch (op) {
            case V128_LOAD -> {
                mem.check(ea, 16);
                result = new V128(mem.loadI64(ea), mem.loadI64(ea + 8));
            }
            case V128_STORE -> {
                mem.check(ea, 16);
                V128 v = vec(r[sp - 1]);
                mem.storeI64(ea, v.low());
                mem.storeI64(ea + 8, v.high());
                r[sp - 1] = null;
                return sp - 2;
            }
            case V128_LOAD8X8_S, V128_LOAD8X8_U, V128_LOAD16X4_S, V128_LOAD16X4_U, V128_LOAD32X2_S, V128_LOAD32X2_U -> {
                int from = name.charAt(4) == '8' ? 8 : name.charAt(4) == '1' ? 16 : 32;
                long raw = mem.loadI64(ea);
                long[] small = lanes(new V128(raw, 0), from, name.endsWith("_s"));
                long[] out = new long[64 / from];
                System.arraycopy(small, 0, out, 0, out.length);
                result = pack(out, from * 2);
            }
            case V128_LOAD8_SPLAT, V128_LOAD16_SPLAT, V128_LOAD32_SPLAT, V128_LOAD64_SPLAT -> {
                int w = op == Opcode.V128_LOAD8_SPLAT ? 8 : op == Opcode.V128_LOAD16_SPLAT ? 16
                        : op == Opcode.V128_LOAD32_SPLAT ? 32 : 64;
                long x = load(mem, ea, w);
                long[] out = new long[128 / w];
                java.util.Arrays.fill(out, x);
                result = pack(out, w);
            }
            case V128_LOAD32_ZERO -> result = new V128(mem.loadI32(ea) & 0xFFFF_FFFFL, 0);
            case V128_LOAD64_ZERO -> result = new V128(mem.loadI64(ea), 0);
            default -> {
                int w = name.startsWith("load8") || name.startsWith("store8") ? 8
                        : name.startsWith("load16") || name.startsWith("store16") ? 16
                        : name.startsWith("load32") || name.startsWith("store32") ? 32 : 64;
                long[] l = lanes(vec(r[sp - 1]), w, false);
                if (store) {
                    long x = l[lane];
                    switch (w) {
                        case 8 -> mem.storeI8(ea, (int) x);
                        case 16 -> mem.storeI16(ea, (int) x);
                        case 32 -> mem.storeI32(ea, (int) x);
                        default -> mem.storeI64(ea, x);
                    }
                    r[sp - 1] = null;
                    return sp - 2;
                }
                l[lane] = load(mem, ea, w);
                r[sp - 2] = pack(l, w);
                r[sp - 1] = null;
                return sp - 1;
            }
        }
        r[sp - 1] = result;
        return sp;
    }

    private static long load(Memory mem, long ea, int w) {
        return switch (w) {
            case 8 -> mem.loadU8(ea);
            case 16 -> mem.loadU16(ea);
            case 32 -> mem.loadI32(ea) & 0xFFFF_FFFFL;
            default -> mem.loadI64(ea);
        };
    }
}
