package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.NumericConversions;
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

    // ---- conversions of more than one JVM instruction: the shared NumericConversions (the
    // emitters name these methods here; HotSpot inlines the forwarding) ----

    static int truncS32(double x) {
        return NumericConversions.truncS32(x);
    }

    static int truncU32(double x) {
        return NumericConversions.truncU32(x);
    }

    static long truncS64(double x) {
        return NumericConversions.truncS64(x);
    }

    static long truncU64(double x) {
        return NumericConversions.truncU64(x);
    }

    static int truncSatU32(double x) {
        return NumericConversions.truncSatU32(x);
    }

    static long truncSatU64(double x) {
        return NumericConversions.truncSatU64(x);
    }

    static float u64ToF32(long v) {
        return NumericConversions.u64ToF32(v);
    }

    static double u64ToF64(long v) {
        return NumericConversions.u64ToF64(v);
    }
}
