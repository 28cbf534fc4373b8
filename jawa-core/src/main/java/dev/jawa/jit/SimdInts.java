package dev.jawa.jit;

/**
 * Direct integer-lane SIMD operators of compiled code (the lane-wise arithmetic, saturating
 * arithmetic, min/max, comparisons, abs/neg/popcnt, all_true/bitmask and shifts of every integer
 * shape), through {@link SimdLaneMap}; {@link SimdEmitter} finds them by the opcode's name. The
 * cheapest ones (add and sub of every shape, mul of i32x4 and i64x2) are in {@link SimdArith}. Lanes arrive
 * sign-extended for the signed forms and zero-extended otherwise, so one expression serves both;
 * a shift count is taken modulo the lane width, as the spec says.
 */
final class SimdInts {

    private SimdInts() {
    }

    // ---- i8x16 ----

    static Object i8x16_add_sat_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 8, true, (x, y) -> Math.max(-128L, Math.min(127L, x + y)));
    }

    static Object i8x16_sub_sat_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 8, true, (x, y) -> Math.max(-128L, Math.min(127L, x - y)));
    }

    static Object i8x16_add_sat_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> Math.min(255L, x + y));
    }

    static Object i8x16_sub_sat_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> Math.max(0, x - y));
    }

    static Object i8x16_avgr_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> (x + y + 1) >>> 1);
    }

    static Object i8x16_min_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 8, true, (x, y) -> Math.min(x, y));
    }

    static Object i8x16_max_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 8, true, (x, y) -> Math.max(x, y));
    }

    static Object i8x16_min_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> Math.min(x, y));
    }

    static Object i8x16_max_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> Math.max(x, y));
    }

    static Object i8x16_eq(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> x == y);
    }

    static Object i8x16_ne(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> x != y);
    }

    static Object i8x16_lt_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, true, (x, y) -> x < y);
    }

    static Object i8x16_lt_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> x < y);
    }

    static Object i8x16_gt_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, true, (x, y) -> x > y);
    }

    static Object i8x16_gt_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> x > y);
    }

    static Object i8x16_le_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, true, (x, y) -> x <= y);
    }

    static Object i8x16_le_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> x <= y);
    }

    static Object i8x16_ge_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, true, (x, y) -> x >= y);
    }

    static Object i8x16_ge_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 8, false, (x, y) -> x >= y);
    }

    static Object i8x16_abs(Object a) {
        return SimdLaneMap.map(SimdLanes.v(a), 8, true, x -> Math.abs(x));
    }

    static Object i8x16_neg(Object a) {
        return SimdLaneMap.map(SimdLanes.v(a), 8, true, x -> -x);
    }

    static Object i8x16_popcnt(Object a) {
        return SimdLaneMap.map(SimdLanes.v(a), 8, false, x -> Long.bitCount(x));
    }

    static int i8x16_all_true(Object a) {
        return SimdLaneMap.allTrue(SimdLanes.v(a), 8);
    }

    static int i8x16_bitmask(Object a) {
        return SimdLaneMap.bitmask(SimdLanes.v(a), 8);
    }

    static Object i8x16_shl(Object a, int n) {
        int k = n & 7;
        return SimdLaneMap.map(SimdLanes.v(a), 8, false, x -> x << k);
    }

    static Object i8x16_shr_s(Object a, int n) {
        int k = n & 7;
        return SimdLaneMap.map(SimdLanes.v(a), 8, true, x -> x >> k);
    }

    static Object i8x16_shr_u(Object a, int n) {
        int k = n & 7;
        return SimdLaneMap.map(SimdLanes.v(a), 8, false, x -> x >>> k);
    }

    // ---- i16x8 ----

    static Object i16x8_add_sat_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, true, (x, y) -> Math.max(-32768L, Math.min(32767L, x + y)));
    }

    static Object i16x8_sub_sat_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, true, (x, y) -> Math.max(-32768L, Math.min(32767L, x - y)));
    }

    static Object i16x8_add_sat_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> Math.min(65535L, x + y));
    }

    static Object i16x8_sub_sat_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> Math.max(0, x - y));
    }

    static Object i16x8_avgr_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> (x + y + 1) >>> 1);
    }

    static Object i16x8_mul(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> x * y);
    }

    static Object i16x8_q15mulr_sat_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, true, (x, y) -> Math.max(-32768L, Math.min(32767L, (x * y + 0x4000) >> 15)));
    }

    static Object i16x8_min_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, true, (x, y) -> Math.min(x, y));
    }

    static Object i16x8_max_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, true, (x, y) -> Math.max(x, y));
    }

    static Object i16x8_min_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> Math.min(x, y));
    }

    static Object i16x8_max_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> Math.max(x, y));
    }

    static Object i16x8_eq(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> x == y);
    }

    static Object i16x8_ne(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> x != y);
    }

    static Object i16x8_lt_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, true, (x, y) -> x < y);
    }

    static Object i16x8_lt_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> x < y);
    }

    static Object i16x8_gt_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, true, (x, y) -> x > y);
    }

    static Object i16x8_gt_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> x > y);
    }

    static Object i16x8_le_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, true, (x, y) -> x <= y);
    }

    static Object i16x8_le_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> x <= y);
    }

    static Object i16x8_ge_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, true, (x, y) -> x >= y);
    }

    static Object i16x8_ge_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 16, false, (x, y) -> x >= y);
    }

    static Object i16x8_abs(Object a) {
        return SimdLaneMap.map(SimdLanes.v(a), 16, true, x -> Math.abs(x));
    }

    static Object i16x8_neg(Object a) {
        return SimdLaneMap.map(SimdLanes.v(a), 16, true, x -> -x);
    }

    static int i16x8_all_true(Object a) {
        return SimdLaneMap.allTrue(SimdLanes.v(a), 16);
    }

    static int i16x8_bitmask(Object a) {
        return SimdLaneMap.bitmask(SimdLanes.v(a), 16);
    }

    static Object i16x8_shl(Object a, int n) {
        int k = n & 15;
        return SimdLaneMap.map(SimdLanes.v(a), 16, false, x -> x << k);
    }

    static Object i16x8_shr_s(Object a, int n) {
        int k = n & 15;
        return SimdLaneMap.map(SimdLanes.v(a), 16, true, x -> x >> k);
    }

    static Object i16x8_shr_u(Object a, int n) {
        int k = n & 15;
        return SimdLaneMap.map(SimdLanes.v(a), 16, false, x -> x >>> k);
    }

    // ---- i32x4 ----

    static Object i32x4_min_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 32, true, (x, y) -> Math.min(x, y));
    }

    static Object i32x4_max_s(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 32, true, (x, y) -> Math.max(x, y));
    }

    static Object i32x4_min_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 32, false, (x, y) -> Math.min(x, y));
    }

    static Object i32x4_max_u(Object a, Object b) {
        return SimdLaneMap.map(SimdLanes.v(a), SimdLanes.v(b), 32, false, (x, y) -> Math.max(x, y));
    }

    static Object i32x4_eq(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, false, (x, y) -> x == y);
    }

    static Object i32x4_ne(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, false, (x, y) -> x != y);
    }

    static Object i32x4_lt_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, true, (x, y) -> x < y);
    }

    static Object i32x4_lt_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, false, (x, y) -> x < y);
    }

    static Object i32x4_gt_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, true, (x, y) -> x > y);
    }

    static Object i32x4_gt_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, false, (x, y) -> x > y);
    }

    static Object i32x4_le_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, true, (x, y) -> x <= y);
    }

    static Object i32x4_le_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, false, (x, y) -> x <= y);
    }

    static Object i32x4_ge_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, true, (x, y) -> x >= y);
    }

    static Object i32x4_ge_u(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 32, false, (x, y) -> x >= y);
    }

    static Object i32x4_abs(Object a) {
        return SimdLaneMap.map(SimdLanes.v(a), 32, true, x -> Math.abs(x));
    }

    static Object i32x4_neg(Object a) {
        return SimdLaneMap.map(SimdLanes.v(a), 32, true, x -> -x);
    }

    static int i32x4_all_true(Object a) {
        return SimdLaneMap.allTrue(SimdLanes.v(a), 32);
    }

    static int i32x4_bitmask(Object a) {
        return SimdLaneMap.bitmask(SimdLanes.v(a), 32);
    }

    static Object i32x4_shl(Object a, int n) {
        int k = n & 31;
        return SimdLaneMap.map(SimdLanes.v(a), 32, false, x -> x << k);
    }

    static Object i32x4_shr_s(Object a, int n) {
        int k = n & 31;
        return SimdLaneMap.map(SimdLanes.v(a), 32, true, x -> x >> k);
    }

    static Object i32x4_shr_u(Object a, int n) {
        int k = n & 31;
        return SimdLaneMap.map(SimdLanes.v(a), 32, false, x -> x >>> k);
    }

    // ---- i64x2 ----

    static Object i64x2_eq(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 64, false, (x, y) -> x == y);
    }

    static Object i64x2_ne(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 64, false, (x, y) -> x != y);
    }

    static Object i64x2_lt_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 64, true, (x, y) -> x < y);
    }

    static Object i64x2_gt_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 64, true, (x, y) -> x > y);
    }

    static Object i64x2_le_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 64, true, (x, y) -> x <= y);
    }

    static Object i64x2_ge_s(Object a, Object b) {
        return SimdLaneMap.compare(SimdLanes.v(a), SimdLanes.v(b), 64, true, (x, y) -> x >= y);
    }

    static Object i64x2_abs(Object a) {
        return SimdLaneMap.map(SimdLanes.v(a), 64, true, x -> Math.abs(x));
    }

    static Object i64x2_neg(Object a) {
        return SimdLaneMap.map(SimdLanes.v(a), 64, true, x -> -x);
    }

    static int i64x2_all_true(Object a) {
        return SimdLaneMap.allTrue(SimdLanes.v(a), 64);
    }

    static int i64x2_bitmask(Object a) {
        return SimdLaneMap.bitmask(SimdLanes.v(a), 64);
    }

    static Object i64x2_shl(Object a, int n) {
        int k = n & 63;
        return SimdLaneMap.map(SimdLanes.v(a), 64, false, x -> x << k);
    }

    static Object i64x2_shr_s(Object a, int n) {
        int k = n & 63;
        return SimdLaneMap.map(SimdLanes.v(a), 64, true, x -> x >> k);
    }

    static Object i64x2_shr_u(Object a, int n) {
        int k = n & 63;
        return SimdLaneMap.map(SimdLanes.v(a), 64, false, x -> x >>> k);
    }
}
