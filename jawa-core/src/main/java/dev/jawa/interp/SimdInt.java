package dev.jawa.interp;

import dev.jawa.module.Opcode;
import dev.jawa.runtime.V128;

/** The integer-lane SIMD operators (see {@link Simd}), by operator name and lane width. */
final class SimdInt {

    private SimdInt() {
    }

    static int exec(Opcode op, String name, int bits, long[] s, Object[] r, int sp) {
        long min = bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long umax = bits == 64 ? -1L : (1L << bits) - 1;
        switch (name) {
            case "abs", "neg", "popcnt" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), bits, true);
                for (int i = 0; i < a.length; i++) {
                    a[i] = switch (name) {
                        case "abs" -> Math.abs(a[i]);
                        case "neg" -> -a[i];
                        default -> Long.bitCount(a[i] & umax);
                    };
                }
                r[sp - 1] = Simd.pack(a, bits);
                return sp;
            }
            case "all_true", "bitmask" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), bits, true);
                int result = 0;
                if (name.equals("all_true")) {
                    result = 1;
                    for (long x : a) {
                        if (x == 0) {
                            result = 0;
                        }
                    }
                } else {
                    for (int i = 0; i < a.length; i++) {
                        if (a[i] < 0) {
                            result |= 1 << i;
                        }
                    }
                }
                s[sp - 1] = result;
                r[sp - 1] = null;
                return sp;
            }
            case "shl", "shr_s", "shr_u" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 2]), bits, !name.equals("shr_u"));
                int k = (int) (s[sp - 1] & (bits - 1));
                for (int i = 0; i < a.length; i++) {
                    a[i] = name.equals("shl") ? a[i] << k : name.equals("shr_s") ? a[i] >> k : a[i] >>> k;
                }
                r[sp - 2] = Simd.pack(a, bits);
                return sp - 1;
            }
            case "extend_low_i8x16_s", "extend_high_i8x16_s", "extend_low_i8x16_u", "extend_high_i8x16_u",
                 "extend_low_i16x8_s", "extend_high_i16x8_s", "extend_low_i16x8_u", "extend_high_i16x8_u",
                 "extend_low_i32x4_s", "extend_high_i32x4_s", "extend_low_i32x4_u", "extend_high_i32x4_u" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), bits / 2, name.endsWith("_s"));
                long[] out = new long[128 / bits];
                int from = name.contains("high") ? out.length : 0;
                System.arraycopy(a, from, out, 0, out.length);
                r[sp - 1] = Simd.pack(out, bits);
                return sp;
            }
            case "extadd_pairwise_i8x16_s", "extadd_pairwise_i8x16_u", "extadd_pairwise_i16x8_s",
                 "extadd_pairwise_i16x8_u" -> {
                long[] a = Simd.lanes(Simd.vec(r[sp - 1]), bits / 2, name.endsWith("_s"));
                long[] out = new long[128 / bits];
                for (int i = 0; i < out.length; i++) {
                    out[i] = a[2 * i] + a[2 * i + 1];
                }
                r[sp - 1] = Simd.pack(out, bits);
                return sp;
            }
            default -> {
            }
        }
        if (name.startsWith("narrow_")) {
            long[] a = Simd.lanes(Simd.vec(r[sp - 2]), bits * 2, true);
            long[] b = Simd.lanes(Simd.vec(r[sp - 1]), bits * 2, true);
            long[] out = new long[128 / bits];
            boolean signed = name.endsWith("_s");
            for (int i = 0; i < out.length; i++) {
                long x = i < a.length ? a[i] : b[i - a.length];
                out[i] = signed ? Math.max(min, Math.min(max, x)) : Math.max(0, Math.min(umax, x));
            }
            r[sp - 2] = Simd.pack(out, bits);
            return sp - 1;
        }
        if (name.startsWith("extmul_")) {
            boolean signed = name.endsWith("_s");
            long[] a = Simd.lanes(Simd.vec(r[sp - 2]), bits / 2, signed);
            long[] b = Simd.lanes(Simd.vec(r[sp - 1]), bits / 2, signed);
            long[] out = new long[128 / bits];
            int from = name.contains("high") ? out.length : 0;
            for (int i = 0; i < out.length; i++) {
                out[i] = a[from + i] * b[from + i];
            }
            r[sp - 2] = Simd.pack(out, bits);
            return sp - 1;
        }
        if (op == Opcode.I32X4_DOT_I16X8_S || op == Opcode.I16X8_RELAXED_DOT_I8X16_I7X16_S) {
            long[] a = Simd.lanes(Simd.vec(r[sp - 2]), bits / 2, true);
            long[] b = Simd.lanes(Simd.vec(r[sp - 1]), bits / 2, true);
            long[] out = new long[128 / bits];
            for (int i = 0; i < out.length; i++) {
                out[i] = a[2 * i] * b[2 * i] + a[2 * i + 1] * b[2 * i + 1];
            }
            r[sp - 2] = Simd.pack(out, bits);
            return sp - 1;
        }
        if (op == Opcode.I32X4_RELAXED_DOT_I8X16_I7X16_ADD_S) {
            long[] a = Simd.lanes(Simd.vec(r[sp - 3]), 8, true);
            long[] b = Simd.lanes(Simd.vec(r[sp - 2]), 8, true);
            long[] c = Simd.lanes(Simd.vec(r[sp - 1]), 32, true);
            long[] out = new long[4];
            for (int i = 0; i < 4; i++) {
                long sum = 0;
                for (int k = 0; k < 4; k++) {
                    sum += a[4 * i + k] * b[4 * i + k];
                }
                out[i] = sum + c[i];
            }
            r[sp - 3] = Simd.pack(out, 32);
            return sp - 2;
        }
        // Lanewise binary operators.
        boolean unsigned = name.endsWith("_u");
        long[] a = Simd.lanes(Simd.vec(r[sp - 2]), bits, !unsigned);
        long[] b = Simd.lanes(Simd.vec(r[sp - 1]), bits, !unsigned);
        for (int i = 0; i < a.length; i++) {
            long x = a[i];
            long y = b[i];
            a[i] = switch (name) {
                case "add" -> x + y;
                case "sub" -> x - y;
                case "mul" -> x * y;
                case "add_sat_s" -> Math.max(min, Math.min(max, x + y));
                case "sub_sat_s" -> Math.max(min, Math.min(max, x - y));
                case "add_sat_u" -> Math.min(umax, x + y);
                case "sub_sat_u" -> Math.max(0, x - y);
                case "min_s" -> Math.min(x, y);
                case "max_s" -> Math.max(x, y);
                case "min_u" -> Long.compareUnsigned(x, y) <= 0 ? x : y;
                case "max_u" -> Long.compareUnsigned(x, y) >= 0 ? x : y;
                case "avgr_u" -> (x + y + 1) >>> 1;
                case "q15mulr_sat_s", "relaxed_q15mulr_s" -> Math.max(min, Math.min(max, (x * y + 0x4000) >> 15));
                case "eq" -> x == y ? -1 : 0;
                case "ne" -> x != y ? -1 : 0;
                case "lt_s" -> x < y ? -1 : 0;
                case "gt_s" -> x > y ? -1 : 0;
                case "le_s" -> x <= y ? -1 : 0;
                case "ge_s" -> x >= y ? -1 : 0;
                case "lt_u" -> Long.compareUnsigned(x, y) < 0 ? -1 : 0;
                case "gt_u" -> Long.compareUnsigned(x, y) > 0 ? -1 : 0;
                case "le_u" -> Long.compareUnsigned(x, y) <= 0 ? -1 : 0;
                case "ge_u" -> Long.compareUnsigned(x, y) >= 0 ? -1 : 0;
                default -> throw new dev.jawa.runtime.UnsupportedInstructionException(op);
            };
        }
        r[sp - 2] = Simd.pack(a, bits);
        return sp - 1;
    }
}
