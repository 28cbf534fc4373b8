package dev.jawa.jit;

import dev.jawa.runtime.V128;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Lane-by-lane application of an operator to v128 values, for the direct SIMD helpers that have
 * no cheaper bit trick. Lanes are read sign- or zero-extended to a long, the operator runs on
 * them, and each result is truncated back to the lane width. The operators are constant lambdas
 * at every call site, so once HotSpot inlines a helper the operator is inlined too, and the lane
 * loop is a handful of shifts and masks (no arrays, unlike the interpreter's general form).
 */
final class SimdLaneMap {

    private SimdLaneMap() {
    }

    /** Lane {@code i} of {@code bits} bits from the pair (lo, hi), sign- or zero-extended. */
    static long get(long lo, long hi, int i, int bits, boolean signed) {
        int bit = i * bits;
        long x = (bit < 64 ? lo : hi) >>> (bit & 63);
        if (bits == 64) {
            return x;
        }
        return signed ? (x << (64 - bits)) >> (64 - bits) : x & ((1L << bits) - 1);
    }

    private static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    /** Lane-wise {@code f(a, b)}. */
    static V128 map(V128 a, V128 b, int bits, boolean signed, LongBinaryOperator f) {
        long m = mask(bits);
        int perHalf = 64 / bits;
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < perHalf; i++) {
            int s = i * bits;
            lo |= (f.applyAsLong(get(a.low(), 0, i, bits, signed), get(b.low(), 0, i, bits, signed)) & m) << s;
            hi |= (f.applyAsLong(get(a.high(), 0, i, bits, signed), get(b.high(), 0, i, bits, signed)) & m) << s;
        }
        return new V128(lo, hi);
    }

    /** Lane-wise {@code f(a)}. */
    static V128 map(V128 a, int bits, boolean signed, LongUnaryOperator f) {
        long m = mask(bits);
        int perHalf = 64 / bits;
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < perHalf; i++) {
            int s = i * bits;
            lo |= (f.applyAsLong(get(a.low(), 0, i, bits, signed)) & m) << s;
            hi |= (f.applyAsLong(get(a.high(), 0, i, bits, signed)) & m) << s;
        }
        return new V128(lo, hi);
    }

    /** The value of output lane {@code j} for {@link #build}. */
    interface LaneValue {
        long at(int j);
    }

    /** The v128 whose lane {@code j} of width {@code bits} is {@code f.at(j)}, truncated. */
    static V128 build(int bits, LaneValue f) {
        long m = mask(bits);
        int perHalf = 64 / bits;
        long lo = 0;
        long hi = 0;
        for (int j = 0; j < perHalf; j++) {
            int s = j * bits;
            lo |= (f.at(j) & m) << s;
            hi |= (f.at(j + perHalf) & m) << s;
        }
        return new V128(lo, hi);
    }

    /** Predicate for {@link #compare}: lanes (extended) to whether the comparison holds. */
    interface LanePredicate {
        boolean test(long x, long y);
    }

    /** Lane-wise comparison: all ones where {@code p} holds, zero elsewhere. */
    static V128 compare(V128 a, V128 b, int bits, boolean signed, LanePredicate p) {
        long m = mask(bits);
        int perHalf = 64 / bits;
        long lo = 0;
        long hi = 0;
        for (int i = 0; i < perHalf; i++) {
            int s = i * bits;
            if (p.test(get(a.low(), 0, i, bits, signed), get(b.low(), 0, i, bits, signed))) {
                lo |= m << s;
            }
            if (p.test(get(a.high(), 0, i, bits, signed), get(b.high(), 0, i, bits, signed))) {
                hi |= m << s;
            }
        }
        return new V128(lo, hi);
    }

    /** 1 if every lane is non-zero, else 0. */
    static int allTrue(V128 a, int bits) {
        int perHalf = 64 / bits;
        for (int i = 0; i < perHalf; i++) {
            if (get(a.low(), 0, i, bits, false) == 0 || get(a.high(), 0, i, bits, false) == 0) {
                return 0;
            }
        }
        return 1;
    }

    /** The lanes' sign bits, lane 0 in bit 0. */
    static int bitmask(V128 a, int bits) {
        int perHalf = 64 / bits;
        int out = 0;
        for (int i = 0; i < perHalf; i++) {
            int s = i * bits + bits - 1;
            out |= (int) ((a.low() >>> s) & 1) << i;
            out |= (int) ((a.high() >>> s) & 1) << (i + perHalf);
        }
        return out;
    }
}
