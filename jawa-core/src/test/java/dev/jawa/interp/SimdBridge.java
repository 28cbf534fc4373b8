package dev.jawa.interp;

import dev.jawa.module.Opcode;

/**
 * The interpreter's SIMD operators as plain static functions, the oracle the compiler tier's own
 * SIMD helpers are tested against (JitSimdTest): each call runs the one instruction on a two- or
 * three-slot operand stack of its own. Only instructions without immediates and without memory
 * access can go through here.
 */
public final class SimdBridge {

    private SimdBridge() {
    }

    /** {@code v -> v}: runs the instruction of ordinal {@code op} on {@code a}. */
    public static Object unary(Object a, int op) {
        Object[] r = {a};
        Simd.exec(null, new long[1], r, new int[] {op}, 0, 1);
        return r[0];
    }

    /** {@code v v -> v}. */
    public static Object binary(Object a, Object b, int op) {
        Object[] r = {a, b};
        Simd.exec(null, new long[2], r, new int[] {op}, 0, 2);
        return r[0];
    }

    /** {@code v v v -> v}. */
    public static Object ternary(Object a, Object b, Object c, int op) {
        Object[] r = {a, b, c};
        Simd.exec(null, new long[3], r, new int[] {op}, 0, 3);
        return r[0];
    }

    /** {@code v -> i32} (all_true, bitmask, any_true). */
    public static int test(Object a, int op) {
        long[] s = new long[1];
        Simd.exec(null, s, new Object[] {a}, new int[] {op}, 0, 1);
        return (int) s[0];
    }

    /** {@code v i32 -> v} (the shifts). */
    public static Object shift(Object a, int n, int op) {
        Object[] r = {a, null};
        Simd.exec(null, new long[] {0, n}, r, new int[] {op}, 0, 2);
        return r[0];
    }

    /** Whether {@code op} can go through this class (a SIMD instruction without immediates). */
    public static boolean handles(Opcode op) {
        return op.prefix() == Opcode.PREFIX_SIMD && op.imm() == Opcode.Imm.NONE && !op.isMemoryAccess();
    }
}
