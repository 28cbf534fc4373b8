package dev.jawa.text;

/**
 * Number spellings that read back to the same bits: unsigned indices, and floats in exact
 * hexadecimal notation ({@code 0x1.8p+1}), so no decimal rounding is involved either way.
 */
final class PrintNumbers {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final int F32_CANONICAL_NAN = 0x40_0000;
    private static final long F64_CANONICAL_NAN = 0x8_0000_0000_0000L;

    private PrintNumbers() {
    }

    /** Appends a u32 held in an int (values from 2^31 up are negative in Java). */
    static void appendU32(StringBuilder sb, int v) {
        if (v >= 0) {
            sb.append(v);
        } else {
            sb.append(Integer.toUnsignedString(v));
        }
    }

    /** Appends a u64 held in a long. */
    static void appendU64(StringBuilder sb, long v) {
        if (v >= 0) {
            sb.append(v);
        } else {
            sb.append(Long.toUnsignedString(v));
        }
    }

    /** Appends {@code 0x} and exactly {@code digits} hex digits of {@code v}. */
    static void appendHexPadded(StringBuilder sb, long v, int digits) {
        sb.append("0x");
        for (int i = digits - 1; i >= 0; i--) {
            sb.append(HEX[(int) (v >>> (4 * i)) & 0xF]);
        }
    }

    /** Appends an f32 by its bits: a hex float, {@code inf}, {@code nan} or {@code nan:0x...}. */
    static void appendF32(StringBuilder sb, int bits) {
        if (bits < 0) {
            sb.append('-');
        }
        int exp = (bits >>> 23) & 0xFF;
        int mant = bits & 0x7F_FFFF;
        if (exp == 0xFF) {
            appendSpecial(sb, mant, F32_CANONICAL_NAN);
            return;
        }
        if (exp == 0 && mant == 0) {
            sb.append("0x0p+0");
            return;
        }
        int e;
        long frac;
        if (exp == 0) {
            // Subnormal: normalize so the leading digit is 1; the exponent goes below -126.
            int high = 31 - Integer.numberOfLeadingZeros(mant);
            e = high - 149;
            frac = ((long) mant << (23 - high)) & 0x7F_FFFF;
        } else {
            e = exp - 127;
            frac = mant;
        }
        appendHexFloat(sb, frac << 1, 6, e);
    }

    /** Appends an f64 by its bits: a hex float, {@code inf}, {@code nan} or {@code nan:0x...}. */
    static void appendF64(StringBuilder sb, long bits) {
        if (bits < 0) {
            sb.append('-');
        }
        int exp = (int) (bits >>> 52) & 0x7FF;
        long mant = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exp == 0x7FF) {
            appendSpecial(sb, mant, F64_CANONICAL_NAN);
            return;
        }
        if (exp == 0 && mant == 0) {
            sb.append("0x0p+0");
            return;
        }
        int e;
        long frac;
        if (exp == 0) {
            int high = 63 - Long.numberOfLeadingZeros(mant);
            e = high - 1074;
            frac = (mant << (52 - high)) & 0xF_FFFF_FFFF_FFFFL;
        } else {
            e = exp - 1023;
            frac = mant;
        }
        appendHexFloat(sb, frac, 13, e);
    }

    private static void appendSpecial(StringBuilder sb, long payload, long canonical) {
        if (payload == 0) {
            sb.append("inf");
        } else if (payload == canonical) {
            sb.append("nan");
        } else {
            sb.append("nan:0x").append(Long.toHexString(payload));
        }
    }

    /** {@code 0x1.<frac>p<e>} with the fraction's trailing zero digits dropped. */
    private static void appendHexFloat(StringBuilder sb, long frac, int digits, int e) {
        sb.append("0x1");
        if (frac != 0) {
            sb.append('.');
            int n = digits;
            while ((frac & 0xF) == 0) {
                frac >>>= 4;
                n--;
            }
            for (int i = n - 1; i >= 0; i--) {
                sb.append(HEX[(int) (frac >>> (4 * i)) & 0xF]);
            }
        }
        sb.append('p');
        if (e >= 0) {
            sb.append('+');
        }
        sb.append(e);
    }
}
