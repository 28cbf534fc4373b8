package dev.jawa.runtime;

import dev.jawa.Trap;

/**
 * Conversions between floats and integers that are more than one JVM instruction, shared by both
 * execution tiers: the trapping truncations (the JVM's casts saturate and take NaN to 0), the
 * unsigned saturating ones, and unsigned i64 to float. f32 operands are widened to double first,
 * which is exact.
 */
public final class NumericConversions {

    private NumericConversions() {
    }

    // Trapping truncations.

    private static Trap invalid() {
        return new Trap(Traps.INVALID_CONVERSION);
    }

    private static Trap overflow() {
        return new Trap(Traps.INT_OVERFLOW);
    }

    public static int truncS32(double x) {
        if (x != x) {
            throw invalid();
        }
        if (!(x > -2147483649.0 && x < 2147483648.0)) {
            throw overflow();
        }
        return (int) x;
    }

    public static int truncU32(double x) {
        if (x != x) {
            throw invalid();
        }
        if (!(x > -1.0 && x < 4294967296.0)) {
            throw overflow();
        }
        return (int) (long) x;
    }

    public static long truncS64(double x) {
        if (x != x) {
            throw invalid();
        }
        if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) {
            throw overflow();
        }
        return (long) x;
    }

    public static long truncU64(double x) {
        if (x != x) {
            throw invalid();
        }
        if (!(x > -1.0 && x < 18446744073709551616.0)) {
            throw overflow();
        }
        return toU64(x);
    }

    private static long toU64(double x) {
        if (x < 9223372036854775808.0) {
            return (long) x;
        }
        return (long) (x - 9223372036854775808.0) ^ Long.MIN_VALUE;
    }

    public static int truncSatU32(double x) {
        if (x != x || x <= 0) {
            return 0;
        }
        if (x >= 4294967296.0) {
            return -1;
        }
        return (int) (long) x;
    }

    public static long truncSatU64(double x) {
        if (x != x || x <= 0) {
            return 0;
        }
        if (x >= 18446744073709551616.0) {
            return -1L;
        }
        return toU64(x);
    }

    // Unsigned conversions to float, correctly rounded (the sticky bit keeps ties honest).

    public static float u64ToF32(long v) {
        if (v >= 0) {
            return (float) v;
        }
        return (float) ((v >>> 1) | (v & 1)) * 2f;
    }

    public static double u64ToF64(long v) {
        if (v >= 0) {
            return (double) v;
        }
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }
}
