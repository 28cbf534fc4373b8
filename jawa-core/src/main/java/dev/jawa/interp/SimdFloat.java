package dev.jawa.interp;

import dev.jawa.module.Opcode;
import dev.jawa.runtime.NumericConversions;

/**
 * The float-lane SIMD operators and the conversions between float and integer lanes (see
 * {@link Simd}). Lanes are handled as raw bits through the scalar helpers of {@link Numerics},
 * so NaN and signed-zero rules are the scalar ones.
 */
final class SimdFloat {

    private SimdFloat() {
    }

    static int exec(Opcode op, String name, int bits, long[] s, Object[] r, int sp) {
        boolean f64 = bits == 64;
        switch (name) {
            case "trunc_sat_f32x4_s", "trunc_sat_f32x4_u", "relaxed_trunc_f32x4_s", "relaxed_trunc_f32x4_u" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), 32, false);
                for (int i = 0; i < 4; i++) {
                    float x = Float.intBitsToFloat((int) a[i]);
                    a[i] = name.endsWith("_s") ? (int) x : NumericConversions.truncSatU32(x);
                }
                r[sp - 1] = Simd.pack(a, 32);
                return sp;
            }
            case "trunc_sat_f64x2_s_zero", "trunc_sat_f64x2_u_zero", "relaxed_trunc_f64x2_s_zero",
                 "relaxed_trunc_f64x2_u_zero" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), 64, false);
                long[] out = new long[4];
                for (int i = 0; i < 2; i++) {
                    double x = Double.longBitsToDouble(a[i]);
                    out[i] = name.contains("_s_") ? (int) x : NumericConversions.truncSatU32(x);
                }
                r[sp - 1] = Simd.pack(out, 32);
                return sp;
            }
            case "convert_i32x4_s", "convert_i32x4_u" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), 32, name.endsWith("_s"));
                for (int i = 0; i < 4; i++) {
                    a[i] = Float.floatToRawIntBits((float) a[i]);
                }
                r[sp - 1] = Simd.pack(a, 32);
                return sp;
            }
            case "convert_low_i32x4_s", "convert_low_i32x4_u" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), 32, name.endsWith("_s"));
                long[] out = {Double.doubleToRawLongBits((double) a[0]), Double.doubleToRawLongBits((double) a[1])};
                r[sp - 1] = Simd.pack(out, 64);
                return sp;
            }
            case "demote_f64x2_zero" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), 64, false);
                long[] out = new long[4];
                for (int i = 0; i < 2; i++) {
                    out[i] = Float.floatToRawIntBits((float) Double.longBitsToDouble(a[i]));
                }
                r[sp - 1] = Simd.pack(out, 32);
                return sp;
            }
            case "promote_low_f32x4" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), 32, false);
                long[] out = new long[2];
                for (int i = 0; i < 2; i++) {
                    out[i] = Double.doubleToRawLongBits(Float.intBitsToFloat((int) a[i]));
                }
                r[sp - 1] = Simd.pack(out, 64);
                return sp;
            }
            case "abs", "neg", "sqrt", "ceil", "floor", "trunc", "nearest" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), bits, false);
                for (int i = 0; i < a.length; i++) {
                    a[i] = unary(name, f64, a[i]);
                }
                r[sp - 1] = Simd.pack(a, bits);
                return sp;
            }
            case "relaxed_madd", "relaxed_nmadd" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 3]), bits, false);
                long[] b = Simd.lanes(Simd.vec(r[sp - 2]), bits, false);
                long[] c = Simd.lanes(Simd.vec(r[sp - 1]), bits, false);
                boolean neg = name.equals("relaxed_nmadd");
                for (int i = 0; i < a.length; i++) {
                    if (f64) {
                        double x = Double.longBitsToDouble(a[i]);
                        double p = (neg ? -x : x) * Double.longBitsToDouble(b[i]);
                        a[i] = Double.doubleToRawLongBits(p + Double.longBitsToDouble(c[i]));
                    } else {
                        float x = Float.intBitsToFloat((int) a[i]);
                        float p = (neg ? -x : x) * Float.intBitsToFloat((int) b[i]);
                        a[i] = Float.floatToRawIntBits(p + Float.intBitsToFloat((int) c[i]));
                    }
                }
                r[sp - 3] = Simd.pack(a, bits);
                return sp - 2;
            }
            default -> {
            }
        }
        long[] a = Simd.lanes(Simd.vec(r[sp - 2]), bits, false);
        long[] b = Simd.lanes(Simd.vec(r[sp - 1]), bits, false);
        for (int i = 0; i < a.length; i++) {
            a[i] = f64 ? binary64(name, op, a[i], b[i]) : binary32(name, op, (int) a[i], (int) b[i]);
        }
        r[sp - 2] = Simd.pack(a, bits);
        return sp - 1;
    }

    private static long unary(String name, boolean f64, long x) {
        if (f64) {
            return switch (name) {
                case "abs" -> x & Long.MAX_VALUE;
                case "neg" -> x ^ Long.MIN_VALUE;
                case "ceil" -> Numerics.dround(x, 0);
                case "floor" -> Numerics.dround(x, 1);
                case "trunc" -> Numerics.dround(x, 2);
                case "nearest" -> Numerics.dround(x, 3);
                default -> Numerics.dround(x, 4);
            };
        }
        int v = (int) x;
        return switch (name) {
            case "abs" -> v & 0x7FFF_FFFF;
            case "neg" -> v ^ 0x8000_0000;
            case "ceil" -> Numerics.fround(v, 0);
            case "floor" -> Numerics.fround(v, 1);
            case "trunc" -> Numerics.fround(v, 2);
            case "nearest" -> Numerics.fround(v, 3);
            default -> Numerics.fround(v, 4);
        };
    }

    private static long binary32(String name, Opcode op, int a, int b) {
        float x = Float.intBitsToFloat(a);
        float y = Float.intBitsToFloat(b);
        return switch (name) {
            case "add" -> Float.floatToRawIntBits(x + y);
            case "sub" -> Float.floatToRawIntBits(x - y);
            case "mul" -> Float.floatToRawIntBits(x * y);
            case "div" -> Float.floatToRawIntBits(x / y);
            case "min", "relaxed_min" -> Numerics.fmin(a, b);
            case "max", "relaxed_max" -> Numerics.fmax(a, b);
            case "pmin" -> y < x ? b : a;
            case "pmax" -> x < y ? b : a;
            case "eq" -> x == y ? -1 : 0;
            case "ne" -> x != y ? -1 : 0;
            case "lt" -> x < y ? -1 : 0;
            case "gt" -> x > y ? -1 : 0;
            case "le" -> x <= y ? -1 : 0;
            case "ge" -> x >= y ? -1 : 0;
            default -> throw new dev.jawa.runtime.UnsupportedInstructionException(op);
        };
    }

    private static long binary64(String name, Opcode op, long a, long b) {
        double x = Double.longBitsToDouble(a);
        double y = Double.longBitsToDouble(b);
        return switch (name) {
            case "add" -> Double.doubleToRawLongBits(x + y);
            case "sub" -> Double.doubleToRawLongBits(x - y);
            case "mul" -> Double.doubleToRawLongBits(x * y);
            case "div" -> Double.doubleToRawLongBits(x / y);
            case "min", "relaxed_min" -> Numerics.dmin(a, b);
            case "max", "relaxed_max" -> Numerics.dmax(a, b);
            case "pmin" -> y < x ? b : a;
            case "pmax" -> x < y ? b : a;
            case "eq" -> x == y ? -1 : 0;
            case "ne" -> x != y ? -1 : 0;
            case "lt" -> x < y ? -1 : 0;
            case "gt" -> x > y ? -1 : 0;
            case "le" -> x <= y ? -1 : 0;
            case "ge" -> x >= y ? -1 : 0;
            default -> throw new dev.jawa.runtime.UnsupportedInstructionException(op);
        };
    }
}
