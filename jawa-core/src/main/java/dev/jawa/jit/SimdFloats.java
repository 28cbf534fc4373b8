package dev.jawa.jit;

import dev.jawa.runtime.V128;

/**
 * Direct float-lane SIMD operators of compiled code: div, min/max (the spec's NaN and signed-zero
 * rules, through {@link JitRuntime}'s scalar helpers, as the scalar instructions have them),
 * pmin/pmax, sqrt and rounding, comparisons (all-ones lanes where true), abs/neg on the sign bits,
 * and the conversions between float and integer lanes. add, sub and mul are in
 * {@link SimdArith}. {@link SimdEmitter} finds them by the opcode's name. The operators are
 * constant lambdas, inlined together with the helper.
 */
final class SimdFloats {

    private SimdFloats() {
    }

    interface F2 {
        float apply(float x, float y);
    }

    interface F1 {
        float apply(float x);
    }

    interface FTest {
        boolean test(float x, float y);
    }

    interface D2 {
        double apply(double x, double y);
    }

    interface D1 {
        double apply(double x);
    }

    interface DTest {
        boolean test(double x, double y);
    }

    private static float lo(long half) {
        return Float.intBitsToFloat((int) half);
    }

    private static float hi(long half) {
        return Float.intBitsToFloat((int) (half >>> 32));
    }

    private static long pair(float lo, float hi) {
        return (Float.floatToRawIntBits(lo) & 0xFFFF_FFFFL) | ((long) Float.floatToRawIntBits(hi) << 32);
    }

    private static long mask(boolean lo, boolean hi) {
        return (lo ? 0xFFFF_FFFFL : 0) | (hi ? 0xFFFF_FFFF_0000_0000L : 0);
    }

    private static double d(long half) {
        return Double.longBitsToDouble(half);
    }

    private static long bits(double x) {
        return Double.doubleToRawLongBits(x);
    }

    static V128 fmap(V128 a, V128 b, F2 f) {
        return new V128(pair(f.apply(lo(a.low()), lo(b.low())), f.apply(hi(a.low()), hi(b.low()))),
                pair(f.apply(lo(a.high()), lo(b.high())), f.apply(hi(a.high()), hi(b.high()))));
    }

    static V128 fmap(V128 a, F1 f) {
        return new V128(pair(f.apply(lo(a.low())), f.apply(hi(a.low()))), pair(f.apply(lo(a.high())), f.apply(hi(a.high()))));
    }

    static V128 fcompare(V128 a, V128 b, FTest t) {
        return new V128(mask(t.test(lo(a.low()), lo(b.low())), t.test(hi(a.low()), hi(b.low()))),
                mask(t.test(lo(a.high()), lo(b.high())), t.test(hi(a.high()), hi(b.high()))));
    }

    static V128 dmap(V128 a, V128 b, D2 f) {
        return new V128(bits(f.apply(d(a.low()), d(b.low()))), bits(f.apply(d(a.high()), d(b.high()))));
    }

    static V128 dmap(V128 a, D1 f) {
        return new V128(bits(f.apply(d(a.low()))), bits(f.apply(d(a.high()))));
    }

    static V128 dcompare(V128 a, V128 b, DTest t) {
        return new V128(t.test(d(a.low()), d(b.low())) ? -1L : 0, t.test(d(a.high()), d(b.high())) ? -1L : 0);
    }

    // ---- sign bits ----

    static Object f32x4_abs(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(x.low() & 0x7FFF_FFFF_7FFF_FFFFL, x.high() & 0x7FFF_FFFF_7FFF_FFFFL);
    }

    static Object f32x4_neg(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(x.low() ^ 0x8000_0000_8000_0000L, x.high() ^ 0x8000_0000_8000_0000L);
    }

    static Object f64x2_abs(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(x.low() & Long.MAX_VALUE, x.high() & Long.MAX_VALUE);
    }

    static Object f64x2_neg(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(x.low() ^ Long.MIN_VALUE, x.high() ^ Long.MIN_VALUE);
    }

    // ---- conversions ----

    static Object f32x4_convert_i32x4_s(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(pair((int) x.low(), (int) (x.low() >>> 32)), pair((int) x.high(), (int) (x.high() >>> 32)));
    }

    static Object f32x4_convert_i32x4_u(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(pair(x.low() & 0xFFFF_FFFFL, x.low() >>> 32), pair(x.high() & 0xFFFF_FFFFL, x.high() >>> 32));
    }

    private static long ints(int lo, int hi) {
        return (lo & 0xFFFF_FFFFL) | ((long) hi << 32);
    }

    static Object i32x4_trunc_sat_f32x4_s(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(ints((int) lo(x.low()), (int) hi(x.low())), ints((int) lo(x.high()), (int) hi(x.high())));
    }

    static Object i32x4_trunc_sat_f32x4_u(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(ints(JitRuntime.truncSatU32(lo(x.low())), JitRuntime.truncSatU32(hi(x.low()))),
                ints(JitRuntime.truncSatU32(lo(x.high())), JitRuntime.truncSatU32(hi(x.high()))));
    }

    static Object f64x2_convert_low_i32x4_s(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(bits((int) x.low()), bits((int) (x.low() >>> 32)));
    }

    static Object f64x2_convert_low_i32x4_u(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(bits(x.low() & 0xFFFF_FFFFL), bits(x.low() >>> 32));
    }

    static Object i32x4_trunc_sat_f64x2_s_zero(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(ints((int) d(x.low()), (int) d(x.high())), 0);
    }

    static Object i32x4_trunc_sat_f64x2_u_zero(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(ints(JitRuntime.truncSatU32(d(x.low())), JitRuntime.truncSatU32(d(x.high()))), 0);
    }

    static Object f32x4_demote_f64x2_zero(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(pair((float) d(x.low()), (float) d(x.high())), 0);
    }

    static Object f64x2_promote_low_f32x4(Object a) {
        V128 x = SimdLanes.v(a);
        return new V128(bits(lo(x.low())), bits(hi(x.low())));
    }

    // ---- f32x4 ----

    static Object f32x4_div(Object a, Object b) {
        return fmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x / y);
    }

    static Object f32x4_min(Object a, Object b) {
        return fmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> JitRuntime.fmin(x, y));
    }

    static Object f32x4_max(Object a, Object b) {
        return fmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> JitRuntime.fmax(x, y));
    }

    static Object f32x4_pmin(Object a, Object b) {
        return fmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> y < x ? y : x);
    }

    static Object f32x4_pmax(Object a, Object b) {
        return fmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x < y ? y : x);
    }

    static Object f32x4_sqrt(Object a) {
        return fmap(SimdLanes.v(a), x -> JitRuntime.fsqrt(x));
    }

    static Object f32x4_ceil(Object a) {
        return fmap(SimdLanes.v(a), x -> JitRuntime.fceil(x));
    }

    static Object f32x4_floor(Object a) {
        return fmap(SimdLanes.v(a), x -> JitRuntime.ffloor(x));
    }

    static Object f32x4_trunc(Object a) {
        return fmap(SimdLanes.v(a), x -> JitRuntime.ftrunc(x));
    }

    static Object f32x4_nearest(Object a) {
        return fmap(SimdLanes.v(a), x -> JitRuntime.fnearest(x));
    }

    static Object f32x4_eq(Object a, Object b) {
        return fcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x == y);
    }

    static Object f32x4_ne(Object a, Object b) {
        return fcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x != y);
    }

    static Object f32x4_lt(Object a, Object b) {
        return fcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x < y);
    }

    static Object f32x4_gt(Object a, Object b) {
        return fcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x > y);
    }

    static Object f32x4_le(Object a, Object b) {
        return fcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x <= y);
    }

    static Object f32x4_ge(Object a, Object b) {
        return fcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x >= y);
    }

    // ---- f64x2 ----

    static Object f64x2_div(Object a, Object b) {
        return dmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x / y);
    }

    static Object f64x2_min(Object a, Object b) {
        return dmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> JitRuntime.dmin(x, y));
    }

    static Object f64x2_max(Object a, Object b) {
        return dmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> JitRuntime.dmax(x, y));
    }

    static Object f64x2_pmin(Object a, Object b) {
        return dmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> y < x ? y : x);
    }

    static Object f64x2_pmax(Object a, Object b) {
        return dmap(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x < y ? y : x);
    }

    static Object f64x2_sqrt(Object a) {
        return dmap(SimdLanes.v(a), x -> JitRuntime.dsqrt(x));
    }

    static Object f64x2_ceil(Object a) {
        return dmap(SimdLanes.v(a), x -> JitRuntime.dceil(x));
    }

    static Object f64x2_floor(Object a) {
        return dmap(SimdLanes.v(a), x -> JitRuntime.dfloor(x));
    }

    static Object f64x2_trunc(Object a) {
        return dmap(SimdLanes.v(a), x -> JitRuntime.dtrunc(x));
    }

    static Object f64x2_nearest(Object a) {
        return dmap(SimdLanes.v(a), x -> JitRuntime.dnearest(x));
    }

    static Object f64x2_eq(Object a, Object b) {
        return dcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x == y);
    }

    static Object f64x2_ne(Object a, Object b) {
        return dcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x != y);
    }

    static Object f64x2_lt(Object a, Object b) {
        return dcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x < y);
    }

    static Object f64x2_gt(Object a, Object b) {
        return dcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x > y);
    }

    static Object f64x2_le(Object a, Object b) {
        return dcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x <= y);
    }

    static Object f64x2_ge(Object a, Object b) {
        return dcompare(SimdLanes.v(a), SimdLanes.v(b), (x, y) -> x >= y);
    }
}
