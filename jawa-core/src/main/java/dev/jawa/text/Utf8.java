package dev.jawa.text;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as the text format needs it: strict validation of names, and a lossless decoding of
 * arbitrary bytes for {@code (module quote ...)} text.
 *
 * <p>The lossless decoding maps each byte that is not part of a well-formed UTF-8 sequence to the
 * lone surrogate {@code U+DC00 + byte} (the "surrogate escape" convention). Such characters never
 * occur in text read from a file, so the lexer can recognize them, report "malformed UTF-8
 * encoding" where the reference interpreter would see a bad byte, and turn them back into the
 * original bytes inside string literals.
 */
public final class Utf8 {

    /** The first of the 256 lone surrogates that stand for undecodable bytes. */
    public static final char ESCAPE_BASE = '\uDC00';

    private Utf8() {
    }

    /**
     * The length of the well-formed UTF-8 sequence at {@code b[i]}, or 0 if there is none (an
     * overlong form, a surrogate, a value above U+10FFFF, or a truncated sequence).
     */
    public static int sequenceLength(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
            return 1;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            return i + 1 < end && cont(b[i + 1]) ? 2 : 0;
        }
        if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= end) {
                return 0;
            }
            int c1 = b[i + 1] & 0xFF;
            boolean ok = c == 0xE0 ? c1 >= 0xA0 && c1 <= 0xBF
                    : c == 0xED ? c1 >= 0x80 && c1 <= 0x9F
                    : cont(b[i + 1]);
            return ok && cont(b[i + 2]) ? 3 : 0;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= end) {
                return 0;
            }
            int c1 = b[i + 1] & 0xFF;
            boolean ok = c == 0xF0 ? c1 >= 0x90 && c1 <= 0xBF
                    : c == 0xF4 ? c1 >= 0x80 && c1 <= 0x8F
                    : cont(b[i + 1]);
            return ok && cont(b[i + 2]) && cont(b[i + 3]) ? 4 : 0;
        }
        return 0;
    }

    private static boolean cont(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /** Whether {@code b} is well-formed UTF-8. */
    public static boolean isValid(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int n = sequenceLength(b, i, b.length);
            if (n == 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /** Decodes well-formed UTF-8, or returns null if {@code b} is not. */
    public static String decodeStrict(byte[] b) {
        return isValid(b) ? new String(b, StandardCharsets.UTF_8) : null;
    }

    /** Decodes any bytes losslessly, escaping undecodable bytes as lone surrogates. */
    public static String decodeLossless(byte[] b) {
        if (isValid(b)) {
            return new String(b, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int n = sequenceLength(b, i, b.length);
            if (n == 0) {
                sb.append((char) (ESCAPE_BASE + (b[i] & 0xFF)));
                i++;
            } else {
                sb.append(new String(b, i, n, StandardCharsets.UTF_8));
                i += n;
            }
        }
        return sb.toString();
    }

    /** Whether {@code c} stands for an undecodable byte in {@link #decodeLossless} output. */
    public static boolean isEscapedByte(char c) {
        return c >= ESCAPE_BASE && c <= ESCAPE_BASE + 0xFF;
    }
}
