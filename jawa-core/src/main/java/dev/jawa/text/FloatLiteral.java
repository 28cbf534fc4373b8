package dev.jawa.text;

import java.math.BigInteger;

/**
 * Floating-point literals, rounded exactly to nearest, ties to even, at the target width: decimal
 * ({@code 1.5e-3}) and hexadecimal ({@code 0x1.8p-3}) notation, {@code inf}, {@code nan} and
 * {@code nan:0x...} payloads. The value is computed as an exact rational number and rounded
 * once, so f32 literals are never double-rounded through f64.
 */
public final class FloatLiteral {

    /** The IEEE 754 binary32 format. */
    static final Format F32 = new Format(24, 8);
    /** The IEEE 754 binary64 format. */
    static final Format F64 = new Format(53, 11);

    /** A binary interchange format: precision (with the hidden bit) and exponent width. */
    record Format(int precision, int exponentBits) {

        int bias() {
            return (1 << (exponentBits - 1)) - 1;
        }

        int minExponent() {
            return 1 - bias();
        }

        int maxExponent() {
            return bias();
        }

        int mantissaBits() {
            return precision - 1;
        }

        long infinityBits() {
            return ((1L << exponentBits) - 1) << mantissaBits();
        }

        long signBit() {
            return 1L << (precision - 1 + exponentBits);
        }
    }

    private FloatLiteral() {
    }

    /** The bits of f32 literal {@code text} (any numeric token syntax). */
    static int parseF32(String text) {
        return (int) parse(text, F32);
    }

    /** The bits of f64 literal {@code text} (any numeric token syntax). */
    static long parseF64(String text) {
        return parse(text, F64);
    }

    /**
     * The bits of {@code text} in format {@code f}.
     *
     * @throws LiteralOutOfRange if the value overflows to infinity, a NaN payload is out of
     *     range, or the text is no number
     */
    static long parse(String text, Format f) {
        int i = 0;
        boolean neg = false;
        int end = text.length();
        if (end > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            neg = text.charAt(0) == '-';
            i = 1;
        }
        long sign = neg ? f.signBit() : 0;
        if (text.startsWith("inf", i) && i + 3 == end) {
            return sign | f.infinityBits();
        }
        if (text.startsWith("nan", i)) {
            if (i + 3 == end) {
                return sign | f.infinityBits() | 1L << (f.mantissaBits() - 1);
            }
            if (!text.startsWith(":0x", i + 3) || IntLiteral.scanHexNum(text, i + 6, end) != end) {
                throw new LiteralOutOfRange();
            }
            long payload = hexPayload(text, i + 6, end, f.mantissaBits());
            if (payload == 0) {
                throw new LiteralOutOfRange();
            }
            return sign | f.infinityBits() | payload;
        }
        if (IntLiteral.classify(text, i, end) < 0) {
            throw new LiteralOutOfRange();
        }
        boolean hex = text.startsWith("0x", i);
        return sign | (hex ? parseHex(text, i + 2, end, f) : parseDecimal(text, i, end, f));
    }

    private static long hexPayload(String text, int from, int end, int bits) {
        long v = 0;
        for (int k = from; k < end; k++) {
            int d = StringLiteral.hexDigit(text.charAt(k));
            if (d < 0) {
                continue;
            }
            v = v << 4 | d;
            if (v >= 1L << bits) {
                throw new LiteralOutOfRange();
            }
        }
        return v;
    }

    /** Collects the significant digits and the exponent, then rounds {@code digits * 2^exp}. */
    private static long parseHex(String text, int i, int end, Format f) {
        StringBuilder digits = new StringBuilder();
        int fracDigits = 0;
        boolean inFrac = false;
        int k = i;
        for (; k < end; k++) {
            char c = text.charAt(k);
            if (c == '_') {
                continue;
            }
            if (c == '.') {
                inFrac = true;
                continue;
            }
            if (c == 'p' || c == 'P') {
                break;
            }
            digits.append(c);
            if (inFrac) {
                fracDigits++;
            }
        }
        long exp = k < end ? exponent(text, k + 1, end) : 0;
        BigInteger m = new BigInteger(digits.toString(), 16);
        if (m.signum() == 0) {
            return 0;
        }
        long e2 = exp - 4L * fracDigits;
        long magnitude = m.bitLength() + e2; // value < 2^magnitude
        if (magnitude > f.maxExponent() + 2) {
            throw new LiteralOutOfRange();
        }
        if (magnitude < f.minExponent() - f.precision() - 2) {
            return 0; // below half the smallest subnormal: rounds to zero
        }
        BigInteger num = e2 >= 0 ? m.shiftLeft((int) e2) : m;
        BigInteger den = e2 >= 0 ? BigInteger.ONE : BigInteger.ONE.shiftLeft((int) -e2);
        return round(num, den, f);
    }

    private static long parseDecimal(String text, int i, int end, Format f) {
        StringBuilder digits = new StringBuilder();
        int fracDigits = 0;
        boolean inFrac = false;
        int k = i;
        for (; k < end; k++) {
            char c = text.charAt(k);
            if (c == '_') {
                continue;
            }
            if (c == '.') {
                inFrac = true;
                continue;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
            if (digits.isEmpty() && c == '0') {
                if (inFrac) {
                    fracDigits++;
                }
                continue; // leading zeros carry no value
            }
            digits.append(c);
            if (inFrac) {
                fracDigits++;
            }
        }
        if (digits.isEmpty()) {
            return 0;
        }
        long exp = k < end ? exponent(text, k + 1, end) : 0;
        long e10 = exp - fracDigits;
        long magnitude = digits.length() + e10; // value < 10^magnitude
        // 10^magnitude > 2^(3.32 * magnitude); bounds with a margin on both sides.
        if (magnitude - 1 > (f.maxExponent() + 2) * 0.302) {
            throw new LiteralOutOfRange();
        }
        if (magnitude < (f.minExponent() - f.precision() - 2) * 0.302 - 1) {
            return 0;
        }
        BigInteger m = new BigInteger(digits.toString());
        BigInteger num = e10 >= 0 ? m.multiply(BigInteger.TEN.pow((int) e10)) : m;
        BigInteger den = e10 >= 0 ? BigInteger.ONE : BigInteger.TEN.pow((int) -e10);
        return round(num, den, f);
    }

    /** The decimal exponent after 'e'/'p', saturated far beyond any representable range. */
    private static long exponent(String text, int k, int end) {
        boolean neg = false;
        if (k < end && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
            neg = text.charAt(k) == '-';
            k++;
        }
        long v = 0;
        for (; k < end; k++) {
            char c = text.charAt(k);
            if (c != '_') {
                v = Math.min(v * 10 + (c - '0'), 1_000_000_000L);
            }
        }
        return neg ? -v : v;
    }

    /**
     * Rounds the positive rational {@code num / den} to format {@code f}, to nearest with ties to
     * even, returning the bits without sign.
     */
    static long round(BigInteger num, BigInteger den, Format f) {
        int p = f.precision();
        // e = floor(log2(num / den))
        long e = (long) num.bitLength() - den.bitLength();
        if (compareScaled(num, den, e) < 0) {
            e--;
        }
        if (e < f.minExponent()) {
            e = f.minExponent(); // subnormal: fixed exponent, fewer significant bits
        }
        long shift = p - 1 - e;
        BigInteger n2 = shift >= 0 ? num.shiftLeft((int) shift) : num;
        BigInteger d2 = shift >= 0 ? den : den.shiftLeft((int) -shift);
        BigInteger[] qr = n2.divideAndRemainder(d2);
        BigInteger q = qr[0];
        int cmp = qr[1].shiftLeft(1).compareTo(d2);
        if (cmp > 0 || (cmp == 0 && q.testBit(0))) {
            q = q.add(BigInteger.ONE);
        }
        if (q.bitLength() > p) { // rounded up into the next binade
            q = q.shiftRight(1);
            e++;
        }
        if (e > f.maxExponent()) {
            throw new LiteralOutOfRange();
        }
        long sig = q.longValue();
        if (q.bitLength() < p) {
            return sig; // subnormal (or zero): biased exponent 0
        }
        long biased = e + f.bias();
        return biased << f.mantissaBits() | (sig & ((1L << f.mantissaBits()) - 1));
    }

    /** Compares {@code num / den} with {@code 2^e}. */
    private static int compareScaled(BigInteger num, BigInteger den, long e) {
        return e >= 0
                ? num.compareTo(den.shiftLeft((int) e))
                : num.shiftLeft((int) -e).compareTo(den);
    }
}
