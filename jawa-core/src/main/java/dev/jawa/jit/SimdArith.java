package dev.jawa.jit;

import dev.jawa.runtime.V128;

/**
 * The hottest lane-wise arithmetic of compiled code, written directly on the two longs of a
 * {@link V128} rather than lane by lane: add and sub of every shape (the 8- and 16-bit lanes as
 * SIMD-within-a-register: add the lanes without their top bits, so no carry crosses a lane, then
 * put the top bits back with an xor), and mul of i32x4, i64x2, f32x4 and f64x2. {@link SimdEmitter} finds them by the opcode's name. Float
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

    // ---- i8x16 and i16x8, within a long ----

    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long HIGH1 = 0x8080_8080_8080_8080L;
    private static final long LOW15 = 0x7FFF_7FFF_7FFF_7FFFL;
    private static final long HIGH1_16 = 0x8000_8000_8000_8000L;

    private static long add8(long a, long b) {
        return ((a & LOW7) + (b & LOW7)) ^ ((a ^ b) & HIGH1);
    }

    private static long sub8(long a, long b) {
        return ((a | HIGH1) - (b & LOW7)) ^ ((a ^ ~b) & HIGH1);
    }

    private static long add16(long a, long b) {
        return ((a & LOW15) + (b & LOW15)) ^ ((a ^ b) & HIGH1_16);
    }

    private static long sub16(long a, long b) {
        return ((a | HIGH1_16) - (b & LOW15)) ^ ((a ^ ~b) & HIGH1_16);
    }

    static Object i8x16_add(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(add8(x.low(), y.low()), add8(x.high(), y.high()));
    }

    static Object i8x16_sub(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(sub8(x.low(), y.low()), sub8(x.high(), y.high()));
    }

    static Object i16x8_add(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(add16(x.low(), y.low()), add16(x.high(), y.high()));
    }

    static Object i16x8_sub(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return new V128(sub16(x.low(), y.low()), sub16(x.high(), y.high()));
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
