package dev.jawa.validate;

import static dev.jawa.validate.TypeCodes.*;

import dev.jawa.module.Opcode;

/**
 * Per-opcode tables derived once from {@link Opcode#stack()}, {@link Opcode#mnemonic()} and
 * the immediate layout, indexed by ordinal so the validator's hot loop does array loads instead
 * of string work. Nothing here re-lists opcodes: everything comes from the one opcode table.
 */
final class Signatures {

    /** Stands for the address type of the instruction's memory or table in {@link #POPS}/{@link #PUSH}. */
    static final int ADDR = -1;

    /** The fixed operand types popped (bottom first), or null when typing depends on context. */
    static final int[][] POPS;
    /** The fixed result type pushed, 0 for none; meaningful when {@link #POPS} is not null. */
    static final int[] PUSH;
    /** For lane instructions, the number of lanes (lane indices must be smaller). */
    static final int[] LANES;
    /** Whether the instruction has a fixed signature and no immediates to check (pure operators). */
    static final boolean[] SIMPLE;
    /** Whether the instruction may appear in a constant expression. */
    static final boolean[] CONSTANT;

    static {
        Opcode[] ops = Opcode.values();
        POPS = new int[ops.length][];
        PUSH = new int[ops.length];
        LANES = new int[ops.length];
        CONSTANT = new boolean[ops.length];
        SIMPLE = new boolean[ops.length];
        for (Opcode op : ops) {
            int i = op.ordinal();
            String s = op.stack();
            if (s != null) {
                int gt = s.indexOf('>');
                int[] pops = new int[gt];
                for (int k = 0; k < gt; k++) {
                    pops[k] = code(s.charAt(k));
                }
                POPS[i] = pops;
                if (s.length() - gt - 1 > 1) {
                    throw new ExceptionInInitializerError("more than one result: " + op);
                }
                PUSH[i] = s.length() > gt + 1 ? code(s.charAt(gt + 1)) : 0;
                Opcode.Imm imm = op.imm();
                SIMPLE[i] = s.indexOf('a') < 0 && (imm == Opcode.Imm.NONE || imm == Opcode.Imm.I32
                        || imm == Opcode.Imm.I64 || imm == Opcode.Imm.F32 || imm == Opcode.Imm.F64
                        || imm == Opcode.Imm.V128);
            }
            if (op.imm() == Opcode.Imm.LANE) {
                LANES[i] = lanesOf(op.mnemonic());
            } else if (op.imm() == Opcode.Imm.MEMARG_LANE) {
                LANES[i] = 16 >> op.naturalAlignLog2();
            }
        }
        for (Opcode op : new Opcode[] {
            Opcode.I32_CONST, Opcode.I64_CONST, Opcode.F32_CONST, Opcode.F64_CONST, Opcode.V128_CONST,
            Opcode.I32_ADD, Opcode.I32_SUB, Opcode.I32_MUL, Opcode.I64_ADD, Opcode.I64_SUB, Opcode.I64_MUL,
            Opcode.REF_NULL, Opcode.REF_I31, Opcode.REF_FUNC, Opcode.GLOBAL_GET,
            Opcode.STRUCT_NEW, Opcode.STRUCT_NEW_DEFAULT, Opcode.ARRAY_NEW, Opcode.ARRAY_NEW_DEFAULT,
            Opcode.ARRAY_NEW_FIXED, Opcode.ANY_CONVERT_EXTERN, Opcode.EXTERN_CONVERT_ANY, Opcode.END}) {
            CONSTANT[op.ordinal()] = true;
        }
    }

    private Signatures() {
    }

    private static int code(char c) {
        return switch (c) {
            case 'i' -> I32;
            case 'l' -> I64;
            case 'f' -> F32;
            case 'd' -> F64;
            case 'v' -> V128;
            case 'a' -> ADDR;
            default -> throw new ExceptionInInitializerError("bad stack letter " + c);
        };
    }

    /** Lane count from the shape prefix of a mnemonic such as {@code i16x8.extract_lane_s}. */
    private static int lanesOf(String mnemonic) {
        int x = mnemonic.indexOf('x');
        int dot = mnemonic.indexOf('.');
        return Integer.parseInt(mnemonic.substring(x + 1, dot));
    }
}
