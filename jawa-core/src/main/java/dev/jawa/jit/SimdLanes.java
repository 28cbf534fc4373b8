package dev.jawa.jit;

import dev.jawa.runtime.V128;

/**
 * The v128 instructions of compiled code that move lanes or bits rather than compute on them:
 * constants, splats, extract_lane and replace_lane, shuffle and swizzle, and the bitwise
 * operators. {@link SimdEmitter} calls them by the opcode's name ({@code i32x4.extract_lane} is
 * {@link #i32x4_extract_lane}), with the lane index or constant after the operands. A v128 is a
 * {@link V128} (two little-endian longs); f32 and f64 lanes are moved as raw bits, so NaN payloads
 * survive as the spec requires.
 */
final class SimdLanes {

    private SimdLanes() {
    }

    /** The operand as a V128 (null, which no valid code produces, read as zero). */
    static V128 v(Object o) {
        return o == null ? V128.ZERO : (V128) o;
    }

    /** Lane {@code i} of width {@code bits}, zero-extended. */
    static long lane(V128 x, int i, int bits) {
        int bit = i * bits;
        long half = bit < 64 ? x.low() : x.high();
        long raw = half >>> (bit & 63);
        return bits == 64 ? raw : raw & ((1L << bits) - 1);
    }

    /** {@code x} with lane {@code i} of width {@code bits} set to the low bits of {@code value}. */
    static V128 replace(V128 x, int i, int bits, long value) {
        int bit = i * bits;
        long mask = bits == 64 ? -1L : ((1L << bits) - 1);
        long shifted = (value & mask) << (bit & 63);
        long hole = ~(mask << (bit & 63));
        return bit < 64 ? new V128((x.low() & hole) | shifted, x.high()) : new V128(x.low(), (x.high() & hole) | shifted);
    }

    /** Every lane of width {@code bits} set to the low bits of {@code value}. */
    static V128 splat(long value, int bits) {
        long x = switch (bits) {
            case 8 -> (value & 0xFF) * 0x0101_0101_0101_0101L;
            case 16 -> (value & 0xFFFF) * 0x0001_0001_0001_0001L;
            case 32 -> (value & 0xFFFF_FFFFL) * 0x0000_0001_0000_0001L;
            default -> value;
        };
        return new V128(x, x);
    }

    // ---- constants and byte permutations ----

    static Object v128_const(long low, long high) {
        return new V128(low, high);
    }

    private static int byteAt(V128 x, int i) {
        long half = i < 8 ? x.low() : x.high();
        return (int) (half >>> ((i & 7) * 8)) & 0xFF;
    }

    static Object i8x16_shuffle(Object a, Object b, long selLow, long selHigh) {
        V128 x = v(a);
        V128 y = v(b);
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 16; i++) {
            int k = (int) ((i < 8 ? selLow : selHigh) >>> ((i & 7) * 8)) & 0xFF;
            long byt = k < 16 ? byteAt(x, k) : byteAt(y, k - 16);
            if (i < 8) {
                lo |= byt << (i * 8);
            } else {
                hi |= byt << ((i - 8) * 8);
            }
        }
        return new V128(lo, hi);
    }

    static Object i8x16_swizzle(Object a, Object s) {
        V128 x = v(a);
        V128 sel = v(s);
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < 16; i++) {
            int k = byteAt(sel, i);
            long byt = k < 16 ? byteAt(x, k) : 0;
            if (i < 8) {
                lo |= byt << (i * 8);
            } else {
                hi |= byt << ((i - 8) * 8);
            }
        }
        return new V128(lo, hi);
    }

    /** The relaxed swizzle takes the deterministic swizzle's result (out-of-range lanes 0). */
    static Object i8x16_relaxed_swizzle(Object a, Object s) {
        return i8x16_swizzle(a, s);
    }

    // ---- splats ----

    static Object i8x16_splat(int x) {
        return splat(x, 8);
    }

    static Object i16x8_splat(int x) {
        return splat(x, 16);
    }

    static Object i32x4_splat(int x) {
        return splat(x, 32);
    }

    static Object i64x2_splat(long x) {
        return new V128(x, x);
    }

    static Object f32x4_splat(float x) {
        return splat(Float.floatToRawIntBits(x), 32);
    }

    static Object f64x2_splat(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return new V128(bits, bits);
    }

    // ---- extract_lane ----

    static int i8x16_extract_lane_s(Object a, int i) {
        return (byte) lane(v(a), i, 8);
    }

    static int i8x16_extract_lane_u(Object a, int i) {
        return (int) lane(v(a), i, 8);
    }

    static int i16x8_extract_lane_s(Object a, int i) {
        return (short) lane(v(a), i, 16);
    }

    static int i16x8_extract_lane_u(Object a, int i) {
        return (int) lane(v(a), i, 16);
    }

    static int i32x4_extract_lane(Object a, int i) {
        V128 x = v(a);
        return (int) ((i < 2 ? x.low() : x.high()) >>> ((i & 1) * 32));
    }

    static long i64x2_extract_lane(Object a, int i) {
        V128 x = v(a);
        return i == 0 ? x.low() : x.high();
    }

    static float f32x4_extract_lane(Object a, int i) {
        return Float.intBitsToFloat(i32x4_extract_lane(a, i));
    }

    static double f64x2_extract_lane(Object a, int i) {
        return Double.longBitsToDouble(i64x2_extract_lane(a, i));
    }

    // ---- replace_lane ----

    static Object i8x16_replace_lane(Object a, int x, int i) {
        return replace(v(a), i, 8, x);
    }

    static Object i16x8_replace_lane(Object a, int x, int i) {
        return replace(v(a), i, 16, x);
    }

    static Object i32x4_replace_lane(Object a, int x, int i) {
        return replace(v(a), i, 32, x);
    }

    static Object i64x2_replace_lane(Object a, long x, int i) {
        V128 y = v(a);
        return i == 0 ? new V128(x, y.high()) : new V128(y.low(), x);
    }

    static Object f32x4_replace_lane(Object a, float x, int i) {
        return replace(v(a), i, 32, Float.floatToRawIntBits(x));
    }

    static Object f64x2_replace_lane(Object a, double x, int i) {
        return i64x2_replace_lane(a, Double.doubleToRawLongBits(x), i);
    }

    // ---- bitwise ----

    static Object v128_not(Object a) {
        V128 x = v(a);
        return new V128(~x.low(), ~x.high());
    }

    static Object v128_and(Object a, Object b) {
        V128 x = v(a);
        V128 y = v(b);
        return new V128(x.low() & y.low(), x.high() & y.high());
    }

    static Object v128_andnot(Object a, Object b) {
        V128 x = v(a);
        V128 y = v(b);
        return new V128(x.low() & ~y.low(), x.high() & ~y.high());
    }

    static Object v128_or(Object a, Object b) {
        V128 x = v(a);
        V128 y = v(b);
        return new V128(x.low() | y.low(), x.high() | y.high());
    }

    static Object v128_xor(Object a, Object b) {
        V128 x = v(a);
        V128 y = v(b);
        return new V128(x.low() ^ y.low(), x.high() ^ y.high());
    }

    static Object v128_bitselect(Object a, Object b, Object c) {
        V128 x = v(a);
        V128 y = v(b);
        V128 m = v(c);
        return new V128((x.low() & m.low()) | (y.low() & ~m.low()), (x.high() & m.high()) | (y.high() & ~m.high()));
    }

    static int v128_any_true(Object a) {
        V128 x = v(a);
        return (x.low() | x.high()) != 0 ? 1 : 0;
    }
}
