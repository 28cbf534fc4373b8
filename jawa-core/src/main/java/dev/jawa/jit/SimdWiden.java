package dev.jawa.jit;

import dev.jawa.runtime.V128;

/**
 * Direct SIMD operators of compiled code that change the lane width (extend, extmul,
 * extadd_pairwise, narrow, the dot products) and the relaxed instructions, which take the same
 * deterministic choices as the interpreter (the relaxed forms of trunc, min/max, laneselect and
 * q15mulr as their strict counterparts; madd/nmadd unfused, rounded after the multiply and after
 * the add; the i7 dot products as plain signed 8-bit products). {@link SimdEmitter} finds them by
 * the opcode's name.
 */
final class SimdWiden {

    private SimdWiden() {
    }

    private static long lane(V128 x, int i, int bits, boolean signed) {
        return SimdLaneMap.get(x.low(), x.high(), i, bits, signed);
    }

    static Object i32x4_dot_i16x8_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(32, j -> lane(x, 2 * j, 16, true) * lane(y, 2 * j, 16, true)
                + lane(x, 2 * j + 1, 16, true) * lane(y, 2 * j + 1, 16, true));
    }

    // ---- relaxed ----

    static Object i16x8_relaxed_dot_i8x16_i7x16_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(16, j -> lane(x, 2 * j, 8, true) * lane(y, 2 * j, 8, true)
                + lane(x, 2 * j + 1, 8, true) * lane(y, 2 * j + 1, 8, true));
    }

    static Object i32x4_relaxed_dot_i8x16_i7x16_add_s(Object a, Object b, Object c) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        V128 z = SimdLanes.v(c);
        return SimdLaneMap.build(32, j -> {
            long sum = lane(z, j, 32, true);
            for (int k = 4 * j; k < 4 * j + 4; k++) {
                sum += lane(x, k, 8, true) * lane(y, k, 8, true);
            }
            return sum;
        });
    }

    static Object i32x4_relaxed_trunc_f32x4_s(Object a) {
        return SimdFloats.i32x4_trunc_sat_f32x4_s(a);
    }

    static Object i32x4_relaxed_trunc_f32x4_u(Object a) {
        return SimdFloats.i32x4_trunc_sat_f32x4_u(a);
    }

    static Object i32x4_relaxed_trunc_f64x2_s(Object a) {
        return SimdFloats.i32x4_trunc_sat_f64x2_s_zero(a);
    }

    static Object i32x4_relaxed_trunc_f64x2_u(Object a) {
        return SimdFloats.i32x4_trunc_sat_f64x2_u_zero(a);
    }

    static Object f32x4_relaxed_min(Object a, Object b) {
        return SimdFloats.f32x4_min(a, b);
    }

    static Object f32x4_relaxed_max(Object a, Object b) {
        return SimdFloats.f32x4_max(a, b);
    }

    static Object f64x2_relaxed_min(Object a, Object b) {
        return SimdFloats.f64x2_min(a, b);
    }

    static Object f64x2_relaxed_max(Object a, Object b) {
        return SimdFloats.f64x2_max(a, b);
    }

    static Object i16x8_relaxed_q15mulr_s(Object a, Object b) {
        return SimdInts.i16x8_q15mulr_sat_s(a, b);
    }

    static Object i8x16_relaxed_laneselect(Object a, Object b, Object c) {
        return SimdLanes.v128_bitselect(a, b, c);
    }

    static Object i16x8_relaxed_laneselect(Object a, Object b, Object c) {
        return SimdLanes.v128_bitselect(a, b, c);
    }

    static Object i32x4_relaxed_laneselect(Object a, Object b, Object c) {
        return SimdLanes.v128_bitselect(a, b, c);
    }

    static Object i64x2_relaxed_laneselect(Object a, Object b, Object c) {
        return SimdLanes.v128_bitselect(a, b, c);
    }

    static Object f32x4_relaxed_madd(Object a, Object b, Object c) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        V128 z = SimdLanes.v(c);
        return SimdFloats.fmap(SimdFloats.fmap(x, y, (p, q) -> p * q), z, (p, q) -> p + q);
    }

    static Object f32x4_relaxed_nmadd(Object a, Object b, Object c) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        V128 z = SimdLanes.v(c);
        return SimdFloats.fmap(SimdFloats.fmap(x, y, (p, q) -> -p * q), z, (p, q) -> p + q);
    }

    static Object f64x2_relaxed_madd(Object a, Object b, Object c) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        V128 z = SimdLanes.v(c);
        return SimdFloats.dmap(SimdFloats.dmap(x, y, (p, q) -> p * q), z, (p, q) -> p + q);
    }

    static Object f64x2_relaxed_nmadd(Object a, Object b, Object c) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        V128 z = SimdLanes.v(c);
        return SimdFloats.dmap(SimdFloats.dmap(x, y, (p, q) -> -p * q), z, (p, q) -> p + q);
    }

    // ---- extend, extmul, extadd_pairwise, narrow ----

    static Object i16x8_extend_low_i8x16_s(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(16, j -> lane(x, j + 0, 8, true));
    }

    static Object i16x8_extmul_low_i8x16_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(16, j -> lane(x, j + 0, 8, true) * lane(y, j + 0, 8, true));
    }

    static Object i16x8_extend_low_i8x16_u(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(16, j -> lane(x, j + 0, 8, false));
    }

    static Object i16x8_extmul_low_i8x16_u(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(16, j -> lane(x, j + 0, 8, false) * lane(y, j + 0, 8, false));
    }

    static Object i16x8_extend_high_i8x16_s(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(16, j -> lane(x, j + 8, 8, true));
    }

    static Object i16x8_extmul_high_i8x16_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(16, j -> lane(x, j + 8, 8, true) * lane(y, j + 8, 8, true));
    }

    static Object i16x8_extend_high_i8x16_u(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(16, j -> lane(x, j + 8, 8, false));
    }

    static Object i16x8_extmul_high_i8x16_u(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(16, j -> lane(x, j + 8, 8, false) * lane(y, j + 8, 8, false));
    }

    static Object i32x4_extend_low_i16x8_s(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(32, j -> lane(x, j + 0, 16, true));
    }

    static Object i32x4_extmul_low_i16x8_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(32, j -> lane(x, j + 0, 16, true) * lane(y, j + 0, 16, true));
    }

    static Object i32x4_extend_low_i16x8_u(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(32, j -> lane(x, j + 0, 16, false));
    }

    static Object i32x4_extmul_low_i16x8_u(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(32, j -> lane(x, j + 0, 16, false) * lane(y, j + 0, 16, false));
    }

    static Object i32x4_extend_high_i16x8_s(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(32, j -> lane(x, j + 4, 16, true));
    }

    static Object i32x4_extmul_high_i16x8_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(32, j -> lane(x, j + 4, 16, true) * lane(y, j + 4, 16, true));
    }

    static Object i32x4_extend_high_i16x8_u(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(32, j -> lane(x, j + 4, 16, false));
    }

    static Object i32x4_extmul_high_i16x8_u(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(32, j -> lane(x, j + 4, 16, false) * lane(y, j + 4, 16, false));
    }

    static Object i64x2_extend_low_i32x4_s(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(64, j -> lane(x, j + 0, 32, true));
    }

    static Object i64x2_extmul_low_i32x4_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(64, j -> lane(x, j + 0, 32, true) * lane(y, j + 0, 32, true));
    }

    static Object i64x2_extend_low_i32x4_u(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(64, j -> lane(x, j + 0, 32, false));
    }

    static Object i64x2_extmul_low_i32x4_u(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(64, j -> lane(x, j + 0, 32, false) * lane(y, j + 0, 32, false));
    }

    static Object i64x2_extend_high_i32x4_s(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(64, j -> lane(x, j + 2, 32, true));
    }

    static Object i64x2_extmul_high_i32x4_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(64, j -> lane(x, j + 2, 32, true) * lane(y, j + 2, 32, true));
    }

    static Object i64x2_extend_high_i32x4_u(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(64, j -> lane(x, j + 2, 32, false));
    }

    static Object i64x2_extmul_high_i32x4_u(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(64, j -> lane(x, j + 2, 32, false) * lane(y, j + 2, 32, false));
    }

    static Object i16x8_extadd_pairwise_i8x16_s(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(16, j -> lane(x, 2 * j, 8, true) + lane(x, 2 * j + 1, 8, true));
    }

    static Object i16x8_extadd_pairwise_i8x16_u(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(16, j -> lane(x, 2 * j, 8, false) + lane(x, 2 * j + 1, 8, false));
    }

    static Object i32x4_extadd_pairwise_i16x8_s(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(32, j -> lane(x, 2 * j, 16, true) + lane(x, 2 * j + 1, 16, true));
    }

    static Object i32x4_extadd_pairwise_i16x8_u(Object a) {
        V128 x = SimdLanes.v(a);
        return SimdLaneMap.build(32, j -> lane(x, 2 * j, 16, false) + lane(x, 2 * j + 1, 16, false));
    }

    static Object i8x16_narrow_i16x8_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(8, j -> Math.max(-128, Math.min(127, j < 8 ? lane(x, j, 16, true) : lane(y, j - 8, 16, true))));
    }

    static Object i8x16_narrow_i16x8_u(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(8, j -> Math.max(0, Math.min(255, j < 8 ? lane(x, j, 16, true) : lane(y, j - 8, 16, true))));
    }

    static Object i16x8_narrow_i32x4_s(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(16, j -> Math.max(-32768, Math.min(32767, j < 4 ? lane(x, j, 32, true) : lane(y, j - 4, 32, true))));
    }

    static Object i16x8_narrow_i32x4_u(Object a, Object b) {
        V128 x = SimdLanes.v(a);
        V128 y = SimdLanes.v(b);
        return SimdLaneMap.build(16, j -> Math.max(0, Math.min(65535, j < 4 ? lane(x, j, 32, true) : lane(y, j - 4, 32, true))));
    }
}
