package dev.jawa.jit;

import dev.jawa.runtime.V128;

/**
 * The hottest lane-wise arithmetic of compiled code, written directly on the two longs of a
 * {@link V128} instead of going through the interpreter's general lane arrays: add, sub and mul
 * of i32x4, i64x2, f32x4 and f64x2. {@link SimdEmitter} finds them by the opcode's name. Float
 * lanes use the JVM's IEEE arithmetic, whose NaN results are the canonical or arithmetic NaNs
 * the spec allows.
 */
final class SimdArith {

    private SimdArith() {
    }

    private static long ints(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }

    private static long floats(float lo, float hi) {
        return ints(Float.floatToRawIntBits(lo), Float.floatToRawIntBits(hi));
    }

    private static float f0(long half) {
        return Float.intBitsToFloat((int) half);
    }

    private static float f1(long half) {
        return Float.intBitsToFloat((int) (half >>> 32));
    }

    private static double d(long half) {
        return Double.longBitsToDouble(half);
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    // ---- i32x4 ----

    private static long add32(long a, long b) {
        return ints((int) a + (int) b, (int) (a >>> 32) + (int) (b >>> 32));
    }

    private static long sub32(long a, long b) {
        return ints((int) a - (int) b, (int) (a >>> 32) - (int) (b >>> 32));
    }

    private static long mul32(long a, long b) {
        return ints((int) a * (int) b, (int) (a >>> 32) * (int) (b >>> 32));
    }

    static Object i32x4_add(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(add32(x.low(), y.low()), add32(x.high(), y.high()));
    }

    static Object i32x4_sub(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(sub32(x.low(), y.low()), sub32(x.high(), y.high()));
    }

    static Object i32x4_mul(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(mul32(x.low(), y.low()), mul32(x.high(), y.high()));
    }

    // ---- i64x2 ----

    static Object i64x2_add(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(x.low() + y.low(), x.high() + y.high());
    }

    static Object i64x2_sub(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(x.low() - y.low(), x.high() - y.high());
    }

    static Object i64x2_mul(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(x.low() * y.low(), x.high() * y.high());
    }

    // ---- f32x4 ----

    static Object f32x4_add(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(floats(f0(x.low()) + f0(y.low()), f1(x.low()) + f1(y.low())),
                floats(f0(x.high()) + f0(y.high()), f1(x.high()) + f1(y.high())));
    }

    static Object f32x4_sub(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(floats(f0(x.low()) - f0(y.low()), f1(x.low()) - f1(y.low())),
                floats(f0(x.high()) - f0(y.high()), f1(x.high()) - f1(y.high())));
    }

    static Object f32x4_mul(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(floats(f0(x.low()) * f0(y.low()), f1(x.low()) * f1(y.low())),
                floats(f0(x.high()) * f0(y.high()), f1(x.high()) * f1(y.high())));
    }

    // ---- f64x2 ----

    static Object f64x2_add(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(bits(d(x.low()) + d(y.low())), bits(d(x.high()) + d(y.high())));
    }

    static Object f64x2_sub(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(bits(d(x.low()) - d(y.low())), bits(d(x.high()) - d(y.high())));
    }

    static Object f64x2_mul(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(bits(d(x.low()) * d(y.low())), bits(d(x.high()) * d(y.high())));
    }
}
