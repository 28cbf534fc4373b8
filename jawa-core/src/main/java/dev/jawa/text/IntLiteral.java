package dev.jawa.text;

/**
 * Integer literals: {@code [+-]? (digits | 0x hexdigits)} with single underscores between digits,
 * and the lexical classification of all numeric tokens.
 */
public final class IntLiteral {

    private IntLiteral() {
    }

    /** The end of {@code digit ('_'? digit)*} starting at {@code i}, or -1 if there is none. */
    static int scanNum(String s, int i, int end) {
        if (i >= end || !isDigit(s.charAt(i))) {
            return -1;
        }
        i++;
        while (i < end) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                i++;
            } else if (c == '_' && i + 1 < end && isDigit(s.charAt(i + 1))) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** The end of {@code hexdigit ('_'? hexdigit)*} starting at {@code i}, or -1. */
    static int scanHexNum(String s, int i, int end) {
        if (i >= end || StringLiteral.hexDigit(s.charAt(i)) < 0) {
            return -1;
        }
        i++;
        while (i < end) {
            char c = s.charAt(i);
            if (StringLiteral.hexDigit(c) >= 0) {
                i++;
            } else if (c == '_' && i + 1 < end && StringLiteral.hexDigit(s.charAt(i + 1)) >= 0) {
                i += 2;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Classifies {@code s[start, end)} as a numeric token: {@link TokenKind#NAT},
     * {@link TokenKind#INT}, {@link TokenKind#FLOAT}, or -1 if it is none.
     */
    public static int classify(String s, int start, int end) {
        int i = start;
        boolean signed = false;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            signed = true;
            i++;
        }
        if (s.startsWith("inf", i) && i + 3 == end) {
            return TokenKind.FLOAT;
        }
        if (s.startsWith("nan", i)) {
            if (i + 3 == end) {
                return TokenKind.FLOAT;
            }
            if (s.startsWith(":0x", i + 3) && scanHexNum(s, i + 6, end) == end) {
                return TokenKind.FLOAT;
            }
            return -1;
        }
        boolean hex = s.startsWith("0x", i);
        int j = hex ? scanHexNum(s, i + 2, end) : scanNum(s, i, end);
        if (j < 0) {
            return -1;
        }
        if (j == end) {
            return signed ? TokenKind.INT : TokenKind.NAT;
        }
        if (s.charAt(j) == '.') {
            j++;
            if (j < end) {
                int k = hex ? scanHexNum(s, j, end) : scanNum(s, j, end);
                if (k > 0) {
                    j = k;
                }
            }
            if (j == end) {
                return TokenKind.FLOAT;
            }
        }
        char e = s.charAt(j);
        if (hex ? (e == 'p' || e == 'P') : (e == 'e' || e == 'E')) {
            j++;
            if (j < end && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            return scanNum(s, j, end) == end ? TokenKind.FLOAT : -1;
        }
        return -1;
    }

    /**
     * The value of integer literal {@code text} (NAT or INT syntax) as a {@code bits}-bit integer
     * (8, 16, 32 or 64), accepting both the signed and the unsigned range. The low {@code bits}
     * bits of the result are the value's two's-complement encoding.
     *
     * @throws LiteralOutOfRange if the value is outside both ranges or the text is no integer
     */
    static long parse(String text, int bits) {
        int i = 0;
        boolean neg = false;
        if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            neg = text.charAt(0) == '-';
            i = 1;
        }
        long mag = magnitude(text, i);
        if (neg) {
            // magnitude <= 2^(bits-1)
            if (Long.compareUnsigned(mag, 1L << (bits - 1)) > 0) {
                throw new LiteralOutOfRange();
            }
            return -mag;
        }
        if (bits < 64 && Long.compareUnsigned(mag, (1L << bits) - 1) > 0) {
            throw new LiteralOutOfRange();
        }
        return mag;
    }

    /**
     * The value of an unsigned literal (NAT syntax) of at most {@code bits} bits.
     *
     * @throws LiteralOutOfRange if it is signed, no integer, or too large
     */
    static long parseUnsigned(String text, int bits) {
        if (!text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
            throw new LiteralOutOfRange();
        }
        long mag = magnitude(text, 0);
        if (bits < 64 && Long.compareUnsigned(mag, (1L << bits) - 1) > 0) {
            throw new LiteralOutOfRange();
        }
        return mag;
    }

    private static long magnitude(String text, int i) {
        int end = text.length();
        boolean hex = text.startsWith("0x", i);
        int j = hex ? scanHexNum(text, i + 2, end) : scanNum(text, i, end);
        if (j != end) {
            throw new LiteralOutOfRange();
        }
        long v = 0;
        if (hex) {
            for (int k = i + 2; k < end; k++) {
                int d = StringLiteral.hexDigit(text.charAt(k));
                if (d < 0) {
                    continue;
                }
                if ((v >>> 60) != 0) {
                    throw new LiteralOutOfRange();
                }
                v = v << 4 | d;
            }
        } else {
            final long maxDiv10 = Long.divideUnsigned(-1L, 10); // 1844674407370955161
            for (int k = i; k < end; k++) {
                char c = text.charAt(k);
                if (c == '_') {
                    continue;
                }
                int d = c - '0';
                if (Long.compareUnsigned(v, maxDiv10) > 0 || (v == maxDiv10 && d > 5)) {
                    throw new LiteralOutOfRange();
                }
                v = v * 10 + d;
            }
        }
        return v;
    }
}
