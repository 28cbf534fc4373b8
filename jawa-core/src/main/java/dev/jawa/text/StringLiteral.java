package dev.jawa.text;

import java.util.Arrays;

/**
 * Scanning and decoding of string literals ({@code "..."} with the escapes {@code \t}, {@code \n},
 * {@code \r}, {@code \"}, {@code \'}, {@code \\}, {@code \hh} and &#92;u{h...}). A string denotes bytes: characters stand for their UTF-8 encoding, and
 * {@code \hh} for one raw byte.
 */
public final class StringLiteral {

    /** Scan result: the string has no closing quote on its line. */
    public static final int UNCLOSED = -1;
    /** Scan result: a raw control character. */
    public static final int CONTROL = -2;
    /** Scan result: a backslash not followed by a valid escape. */
    public static final int BAD_ESCAPE = -3;
    /** Scan result: a byte that is not part of well-formed UTF-8 (see {@link Utf8}). */
    public static final int BAD_UTF8 = -4;

    private StringLiteral() {
    }

    /**
     * Scans the literal whose opening quote is at {@code src[q]}: the offset after its closing
     * quote, or one of the negative results above. {@code errorAt[0]} receives the offset of the
     * problem.
     */
    public static int scan(String src, int q, int end, int[] errorAt) {
        int i = q + 1;
        while (i < end) {
            char c = src.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                int e = scanEscape(src, i, end);
                if (e < 0) {
                    errorAt[0] = i;
                    return BAD_ESCAPE;
                }
                i = e;
            } else if (c == '\n' || c == '\r') {
                errorAt[0] = q;
                return UNCLOSED;
            } else if (c < 0x20 || c == 0x7F) {
                errorAt[0] = i;
                return CONTROL;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < end && Character.isLowSurrogate(src.charAt(i + 1))) {
                    i += 2;
                } else {
                    errorAt[0] = i;
                    return BAD_UTF8;
                }
            } else if (Character.isLowSurrogate(c)) {
                errorAt[0] = i;
                return BAD_UTF8;
            } else {
                i++;
            }
        }
        errorAt[0] = q;
        return UNCLOSED;
    }

    private static int scanEscape(String src, int i, int end) {
        if (i + 1 >= end) {
            return -1;
        }
        char c = src.charAt(i + 1);
        switch (c) {
            case 'n', 'r', 't', '\\', '\'', '"' -> {
                return i + 2;
            }
            case 'u' -> {
                if (i + 2 >= end || src.charAt(i + 2) != '{') {
                    return -1;
                }
                int j = IntLiteral.scanHexNum(src, i + 3, end);
                if (j < 0 || j >= end || src.charAt(j) != '}') {
                    return -1;
                }
                long cp = hexValue(src, i + 3, j);
                if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000)) {
                    return -1;
                }
                return j + 1;
            }
            default -> {
                if (i + 2 < end && hexDigit(c) >= 0 && hexDigit(src.charAt(i + 2)) >= 0) {
                    return i + 3;
                }
                return -1;
            }
        }
    }

    private static long hexValue(String src, int from, int to) {
        long v = 0;
        for (int k = from; k < to; k++) {
            int d = hexDigit(src.charAt(k));
            if (d >= 0) {
                v = v * 16 + d;
                if (v > 0x10FFFF) {
                    return Long.MAX_VALUE;
                }
            }
        }
        return v;
    }

    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** The message for a negative {@link #scan} result. */
    public static String message(int scanResult) {
        return switch (scanResult) {
            case UNCLOSED -> "unclosed string literal";
            case CONTROL -> "illegal control character in string literal";
            case BAD_ESCAPE -> "illegal escape";
            default -> "malformed UTF-8 encoding";
        };
    }

    /**
     * The bytes of the (well-formed, already scanned) literal {@code src[start, end)}, quotes
     * included.
     */
    public static byte[] decode(String src, int start, int end) {
        byte[] out = new byte[Math.max(16, (end - start) * 3)];
        int n = 0;
        int i = start + 1;
        int last = end - 1;
        while (i < last) {
            char c = src.charAt(i);
            if (n + 4 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            if (c == '\\') {
                char e = src.charAt(i + 1);
                switch (e) {
                    case 'n' -> {
                        out[n++] = '\n';
                        i += 2;
                    }
                    case 'r' -> {
                        out[n++] = '\r';
                        i += 2;
                    }
                    case 't' -> {
                        out[n++] = '\t';
                        i += 2;
                    }
                    case '\\', '\'', '"' -> {
                        out[n++] = (byte) e;
                        i += 2;
                    }
                    case 'u' -> {
                        int close = src.indexOf('}', i);
                        n = putUtf8(out, n, (int) hexValue(src, i + 3, close));
                        i = close + 1;
                    }
                    default -> {
                        out[n++] = (byte) (hexDigit(e) * 16 + hexDigit(src.charAt(i + 2)));
                        i += 3;
                    }
                }
            } else if (c < 0x80) {
                out[n++] = (byte) c;
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < last
                    && Character.isLowSurrogate(src.charAt(i + 1))) {
                n = putUtf8(out, n, Character.toCodePoint(c, src.charAt(i + 1)));
                i += 2;
            } else if (Utf8.isEscapedByte(c)) {
                out[n++] = (byte) (c - Utf8.ESCAPE_BASE);
                i++;
            } else {
                n = putUtf8(out, n, c);
                i++;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int putUtf8(byte[] out, int n, int cp) {
        if (cp < 0x80) {
            out[n++] = (byte) cp;
        } else if (cp < 0x800) {
            out[n++] = (byte) (0xC0 | cp >> 6);
            out[n++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out[n++] = (byte) (0xE0 | cp >> 12);
            out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | cp & 0x3F);
        } else {
            out[n++] = (byte) (0xF0 | cp >> 18);
            out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
            out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[n++] = (byte) (0x80 | cp & 0x3F);
        }
        return n;
    }
}
