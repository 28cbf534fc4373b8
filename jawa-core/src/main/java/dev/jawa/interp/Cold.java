package dev.jawa.interp;

import dev.jawa.runtime.NumericConversions;

/**
 * Numeric operators that compiled C and the like rarely run in a hot loop (float rounding, min
 * and max, trapping truncations, bit counts, 64-bit rotations, sign extensions), run out of the
 * dispatch loop's {@code switch}.
 *
 * <p>Why: once a program has run an operation the loop's profile had not seen, HotSpot recompiles
 * the whole loop with every case in it, and that compile's time grows faster than the loop's size;
 * until it is done the program runs in slow, profiling code. Each case moved here makes that
 * compile smaller, for the price of one call where the case runs. All of these take their operands
 * from the top of the stack and have no immediates.
 */
final class Cold {

    private Cold() {
    }

    /** Whether {@code op} runs here (the loop's {@code default} sends it to {@link #exec}). */
    static boolean handles(int op) {
        return switch (op) {
            case Ops.F32_CEIL, Ops.F32_FLOOR, Ops.F32_TRUNC, Ops.F32_NEAREST, Ops.F32_SQRT, Ops.F32_MIN,
                 Ops.F32_MAX, Ops.F32_COPYSIGN, Ops.F64_CEIL, Ops.F64_FLOOR, Ops.F64_TRUNC, Ops.F64_NEAREST,
                 Ops.F64_MIN, Ops.F64_MAX, Ops.F64_COPYSIGN, Ops.I32_CLZ, Ops.I32_CTZ, Ops.I32_POPCNT,
                 Ops.I64_CLZ, Ops.I64_CTZ, Ops.I64_POPCNT, Ops.I64_ROTL, Ops.I64_ROTR, Ops.I32_TRUNC_F32_S,
                 Ops.I32_TRUNC_F32_U, Ops.I32_TRUNC_F64_S, Ops.I32_TRUNC_F64_U, Ops.I64_TRUNC_F32_S,
                 Ops.I64_TRUNC_F32_U, Ops.I64_TRUNC_F64_S, Ops.I64_TRUNC_F64_U, Ops.F32_CONVERT_I32_S,
                 Ops.F32_CONVERT_I32_U, Ops.F32_CONVERT_I64_S, Ops.F32_CONVERT_I64_U, Ops.F32_DEMOTE_F64,
                 Ops.F64_CONVERT_I64_U, Ops.F64_PROMOTE_F32, Ops.I32_EXTEND8_S, Ops.I32_EXTEND16_S,
                 Ops.I64_EXTEND8_S, Ops.I64_EXTEND16_S, Ops.I64_EXTEND32_S -> true;
            default -> false;
        };
    }

    /** Runs {@code op} on the stack {@code s} with top {@code sp}; returns the new top. */
    static int exec(int op, long[] s, int sp) {
        long a = s[sp - 1];
        switch (op) {
            case Ops.F32_CEIL -> s[sp - 1] = Numerics.fround((int) a, 0);
            case Ops.F32_FLOOR -> s[sp - 1] = Numerics.fround((int) a, 1);
            case Ops.F32_TRUNC -> s[sp - 1] = Numerics.fround((int) a, 2);
            case Ops.F32_NEAREST -> s[sp - 1] = Numerics.fround((int) a, 3);
            case Ops.F32_SQRT -> s[sp - 1] = Numerics.fround((int) a, 4);
            case Ops.F64_CEIL -> s[sp - 1] = Numerics.dround(a, 0);
            case Ops.F64_FLOOR -> s[sp - 1] = Numerics.dround(a, 1);
            case Ops.F64_TRUNC -> s[sp - 1] = Numerics.dround(a, 2);
            case Ops.F64_NEAREST -> s[sp - 1] = Numerics.dround(a, 3);
            case Ops.F32_MIN -> s[sp - 2] = Numerics.fmin((int) s[sp - 2], (int) a);
            case Ops.F32_MAX -> s[sp - 2] = Numerics.fmax((int) s[sp - 2], (int) a);
            case Ops.F32_COPYSIGN -> s[sp - 2] = ((int) s[sp - 2] & 0x7FFF_FFFF) | ((int) a & 0x8000_0000);
            case Ops.F64_MIN -> s[sp - 2] = Numerics.dmin(s[sp - 2], a);
            case Ops.F64_MAX -> s[sp - 2] = Numerics.dmax(s[sp - 2], a);
            case Ops.F64_COPYSIGN -> s[sp - 2] = (s[sp - 2] & Long.MAX_VALUE) | (a & Long.MIN_VALUE);
            case Ops.I32_CLZ -> s[sp - 1] = Integer.numberOfLeadingZeros((int) a);
            case Ops.I32_CTZ -> s[sp - 1] = Integer.numberOfTrailingZeros((int) a);
            case Ops.I32_POPCNT -> s[sp - 1] = Integer.bitCount((int) a);
            case Ops.I64_CLZ -> s[sp - 1] = Long.numberOfLeadingZeros(a);
            case Ops.I64_CTZ -> s[sp - 1] = Long.numberOfTrailingZeros(a);
            case Ops.I64_POPCNT -> s[sp - 1] = Long.bitCount(a);
            case Ops.I64_ROTL -> s[sp - 2] = Long.rotateLeft(s[sp - 2], (int) a);
            case Ops.I64_ROTR -> s[sp - 2] = Long.rotateRight(s[sp - 2], (int) a);
            case Ops.I32_TRUNC_F32_S -> s[sp - 1] = NumericConversions.truncS32(f32(a));
            case Ops.I32_TRUNC_F32_U -> s[sp - 1] = NumericConversions.truncU32(f32(a));
            case Ops.I32_TRUNC_F64_S -> s[sp - 1] = NumericConversions.truncS32(f64(a));
            case Ops.I32_TRUNC_F64_U -> s[sp - 1] = NumericConversions.truncU32(f64(a));
            case Ops.I64_TRUNC_F32_S -> s[sp - 1] = NumericConversions.truncS64(f32(a));
            case Ops.I64_TRUNC_F32_U -> s[sp - 1] = NumericConversions.truncU64(f32(a));
            case Ops.I64_TRUNC_F64_S -> s[sp - 1] = NumericConversions.truncS64(f64(a));
            case Ops.I64_TRUNC_F64_U -> s[sp - 1] = NumericConversions.truncU64(f64(a));
            case Ops.F32_CONVERT_I32_S -> s[sp - 1] = Float.floatToRawIntBits((float) (int) a);
            case Ops.F32_CONVERT_I32_U -> s[sp - 1] = Float.floatToRawIntBits((float) (a & 0xFFFF_FFFFL));
            case Ops.F32_CONVERT_I64_S -> s[sp - 1] = Float.floatToRawIntBits((float) a);
            case Ops.F32_CONVERT_I64_U -> s[sp - 1] = Float.floatToRawIntBits(NumericConversions.u64ToF32(a));
            case Ops.F32_DEMOTE_F64 -> s[sp - 1] = Float.floatToRawIntBits((float) f64(a));
            case Ops.F64_CONVERT_I64_U -> s[sp - 1] = Double.doubleToRawLongBits(NumericConversions.u64ToF64(a));
            case Ops.F64_PROMOTE_F32 -> s[sp - 1] = Double.doubleToRawLongBits(f32(a));
            case Ops.I32_EXTEND8_S, Ops.I64_EXTEND8_S -> s[sp - 1] = (byte) a;
            case Ops.I32_EXTEND16_S, Ops.I64_EXTEND16_S -> s[sp - 1] = (short) a;
            case Ops.I64_EXTEND32_S -> s[sp - 1] = (int) a;
            default -> throw new IllegalStateException("bad interpreter operation " + op);
        }
        return switch (op) {
            case Ops.F32_MIN, Ops.F32_MAX, Ops.F32_COPYSIGN, Ops.F64_MIN, Ops.F64_MAX, Ops.F64_COPYSIGN,
                 Ops.I64_ROTL, Ops.I64_ROTR -> sp - 1;
            default -> sp;
        };
    }

    private static float f32(long v) {
        return Float.intBitsToFloat((int) v);
    }

    private static double f64(long v) {
        return Double.longBitsToDouble(v);
    }
}
