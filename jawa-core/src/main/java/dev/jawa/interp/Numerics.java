package dev.jawa.interp;

import dev.jawa.Trap;
import dev.jawa.runtime.Traps;

/**
 * Numeric operators whose WebAssembly semantics differ from a single Java operator: trapping
 * division and truncation, unsigned conversions, and the float operators whose NaN and signed-zero
 * rules need care (spec core/exec/numerics). Small static methods, so the JIT inlines them.
 */
final class Numerics {

    private Numerics() {
    }

    static int divS(int a, int b) {
        if (b == 0) {
            throw new Trap(Traps.DIV_ZERO);
        }
        if (a == Integer.MIN_VALUE && b == -1) {
            throw new Trap(Traps.INT_OVERFLOW);
        }
        return a / b;
    }

    static int divU(int a, int b) {
        if (b == 0) {
            throw new Trap(Traps.DIV_ZERO);
        }
        return Integer.divideUnsigned(a, b);
    }

    static int remS(int a, int b) {
        if (b == 0) {
            throw new Trap(Traps.DIV_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    static int remU(int a, int b) {
        if (b == 0) {
            throw new Trap(Traps.DIV_ZERO);
        }
        return Integer.remainderUnsigned(a, b);
    }

    static long divS(long a, long b) {
        if (b == 0) {
            throw new Trap(Traps.DIV_ZERO);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw new Trap(Traps.INT_OVERFLOW);
        }
        return a / b;
    }

    static long divU(long a, long b) {
        if (b == 0) {
            throw new Trap(Traps.DIV_ZERO);
        }
        return Long.divideUnsigned(a, b);
    }

    static long remS(long a, long b) {
        if (b == 0) {
            throw new Trap(Traps.DIV_ZERO);
        }
        return b == -1 ? 0 : a % b;
    }

    static long remU(long a, long b) {
        if (b == 0) {
            throw new Trap(Traps.DIV_ZERO);
        }
        return Long.remainderUnsigned(a, b);
    }

    // Float operators on raw bits (results as raw bits, so NaN payloads survive).

    /** min: NaN if either is NaN (quieted by the addition), and -0 below +0. */
    static int fmin(int a, int b) {
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        if (x != x || y != y) {
            return Float.floatToRawIntBits(x + y);
        }
        return Float.floatToRawIntBits(Math.min(x, y));
    }

    static int fmax(int a, int b) {
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        if (x != x || y != y) {
            return Float.floatToRawIntBits(x + y);
        }
        return Float.floatToRawIntBits(Math.max(x, y));
    }

    static long dmin(long a, long b) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        if (x != x || y != y) {
            return Double.doubleToRawLongBits(x + y);
        }
        return Double.doubleToRawLongBits(Math.min(x, y));
    }

    static long dmax(long a, long b) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        if (x != x || y != y) {
            return Double.doubleToRawLongBits(x + y);
        }
        return Double.doubleToRawLongBits(Math.max(x, y));
    }

    /** Rounding operators (kind 0 ceil, 1 floor, 2 trunc, 3 nearest, 4 sqrt); NaN in, quiet NaN out. */
    static int fround(int a, int kind) {
        float x = Float.intBitsToFloat(a);
        if (x != x) {
            return Float.floatToRawIntBits(x + x);
        }
        double d = x;
        double v = switch (kind) {
            case 0 -> Math.ceil(d);
            case 1 -> Math.floor(d);
            case 2 -> d < 0 ? Math.ceil(d) : Math.floor(d);
            case 3 -> Math.rint(d);
            default -> Math.sqrt(d);
        };
        // sqrt of a float computed in double and rounded once to float is correctly rounded.
        return Float.floatToRawIntBits((float) v);
    }

    static long dround(long a, int kind) {
        double x = Double.longBitsToDouble(a);
        if (x != x) {
            return Double.doubleToRawLongBits(x + x);
        }
        double v = switch (kind) {
            case 0 -> Math.ceil(x);
            case 1 -> Math.floor(x);
            case 2 -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case 3 -> Math.rint(x);
            default -> Math.sqrt(x);
        };
        return Double.doubleToRawLongBits(v);
    }
}
