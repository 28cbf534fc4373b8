package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.Traps;
import java.lang.constant.ClassDesc;

/**
 * Small static methods compiled code calls for the numeric operators that are not one JVM
 * instruction: trapping division and truncation, unsigned conversions, float operators with
 * WebAssembly's NaN and signed-zero rules (spec core/exec/numerics; the same semantics as the
 * interpreter's {@code Numerics}, on JVM floats instead of raw bits). Each is a few bytes of
 * bytecode, so HotSpot inlines it into the caller.
 */
final class JitRuntime {

    static final ClassDesc CD = ClassDesc.of(JitRuntime.class.getName());
    static final ClassDesc CD_TRAP = ClassDesc.of(Trap.class.getName());

    private JitRuntime() {
    }

    static Trap unreachable() {
        return new Trap(Traps.UNREACHABLE);
    }

    private static Trap divZero() {
        return new Trap(Traps.DIV_ZERO);
    }

    private static Trap overflow() {
        return new Trap(Traps.INT_OVERFLOW);
    }

    private static Trap invalid() {
        return new Trap(Traps.INVALID_CONVERSION);
    }

    // ---- integer division ----

    static int divS(int a, int b) {
        if (b == 0) {
            throw divZero();
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw overflow();
        }
        return a / b;
    }

    static int divU(int a, int b) {
        if (b == 0) {
            throw divZero();
        }
        return Integer.divideUnsigned(a, b);
    }

    static int remS(int a, int b) {
        if (b == 0) {
            throw divZero();
        }
        return b == -1 ? 0 : a % b;
    }

    static int remU(int a, int b) {
        if (b == 0) {
            throw divZero();
        }
        return Integer.remainderUnsigned(a, b);
    }

    static long divS(long a, long b) {
        if (b == 0) {
            throw divZero();
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw overflow();
        }
        return a / b;
    }

    static long divU(long a, long b) {
        if (b == 0) {
            throw divZero();
        }
        return Long.divideUnsigned(a, b);
    }

    static long remS(long a, long b) {
        if (b == 0) {
            throw divZero();
        }
        return b == -1 ? 0 : a % b;
    }

    static long remU(long a, long b) {
        if (b == 0) {
            throw divZero();
        }
        return Long.remainderUnsigned(a, b);
    }

    // ---- float sign operations on the bits (NaN payloads preserved) ----

    static float fabs(float x) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) & 0x7FFF_FFFF);
    }

    static float fneg(float x) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ 0x8000_0000);
    }

    static float fcopysign(float x, float y) {
        return Float.intBitsToFloat((Float.floatToRawIntBits(x) & 0x7FFF_FFFF) | (Float.floatToRawIntBits(y) & 0x8000_0000));
    }

    static double dabs(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & Long.MAX_VALUE);
    }

    static double dneg(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) ^ Long.MIN_VALUE);
    }

    static double dcopysign(double x, double y) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & Long.MAX_VALUE) | (Double.doubleToRawLongBits(y) & Long.MIN_VALUE));
    }

    // ---- rounding: a NaN operand gives a quiet NaN (x + x quiets it) ----

    static float fceil(float x) {
        return x != x ? x + x : (float) Math.ceil(x);
    }

    static float ffloor(float x) {
        return x != x ? x + x : (float) Math.floor(x);
    }

    static float ftrunc(float x) {
        return x != x ? x + x : (float) (x < 0 ? Math.ceil(x) : Math.floor(x));
    }

    static float fnearest(float x) {
        return x != x ? x + x : (float) Math.rint(x);
    }

    /** The double square root rounded once to float is the correctly rounded float root. */
    static float fsqrt(float x) {
        return x != x ? x + x : (float) Math.sqrt(x);
    }

    static double dceil(double x) {
        return x != x ? x + x : Math.ceil(x);
    }

    static double dfloor(double x) {
        return x != x ? x + x : Math.floor(x);
    }

    static double dtrunc(double x) {
        return x != x ? x + x : (x < 0 ? Math.ceil(x) : Math.floor(x));
    }

    static double dnearest(double x) {
        return x != x ? x + x : Math.rint(x);
    }

    static double dsqrt(double x) {
        return x != x ? x + x : Math.sqrt(x);
    }

    // ---- min and max: NaN if either is NaN, and -0 below +0 ----

    static float fmin(float x, float y) {
        return x != x || y != y ? x + y : Math.min(x, y);
    }

    static float fmax(float x, float y) {
        return x != x || y != y ? x + y : Math.max(x, y);
    }

    static double dmin(double x, double y) {
        return x != x || y != y ? x + y : Math.min(x, y);
    }

    static double dmax(double x, double y) {
        return x != x || y != y ? x + y : Math.max(x, y);
    }

    // ---- trapping truncation (f32 operands are widened to double first, exactly) ----

    static int truncS32(double x) {
        if (x != x) {
            throw invalid();
        }
        if (!(x > -2147483649.0 && x < 2147483648.0)) {
            throw overflow();
        }
        return (int) x;
    }

    static int truncU32(double x) {
        if (x != x) {
            throw invalid();
        }
        if (!(x > -1.0 && x < 4294967296.0)) {
            throw overflow();
        }
        return (int) (long) x;
    }

    static long truncS64(double x) {
        if (x != x) {
            throw invalid();
        }
        if (!(x >= -9223372036854775808.0 && x < 9223372036854775808.0)) {
            throw overflow();
        }
        return (long) x;
    }

    static long truncU64(double x) {
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

    static int truncSatU32(double x) {
        if (x != x || x <= 0) {
            return 0;
        }
        if (x >= 4294967296.0) {
            return -1;
        }
        return (int) (long) x;
    }

    static long truncSatU64(double x) {
        if (x != x || x <= 0) {
            return 0;
        }
        if (x >= 18446744073709551616.0) {
            return -1L;
        }
        return toU64(x);
    }

    // ---- unsigned i64 to float, correctly rounded (the sticky bit keeps ties honest) ----

    static float u64ToF32(long v) {
        if (v >= 0) {
            return (float) v;
        }
        return (float) ((v >>> 1) | (v & 1)) * 2f;
    }

    static double u64ToF64(long v) {
        if (v >= 0) {
            return (double) v;
        }
        return (double) ((v >>> 1) | (v & 1)) * 2.0;
    }
}
