package dev.jawa.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jawa.MalformedModuleException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ByteReader's LEB128 decoding against a plain reference written from the spec, on random
 * encodings (minimal, padded, over-long, too large, truncated) of every width, both with at
 * least eight bytes left (the reader's word-at-a-time fast path) and at the end of the input
 * (its byte-by-byte path).
 */
class LebDecodingTest {

    private record Outcome(long value, int length, boolean canonical, String error) {
    }

    /** The spec's uN / sN decoding, one byte at a time. */
    private static Outcome reference(byte[] in, int bits, boolean signed) {
        int maxBytes = (bits + 6) / 7;
        long result = 0;
        int shift = 0;
        for (int i = 0; ; i++) {
            if (i >= in.length) {
                return new Outcome(0, i, true, "unexpected end of section or function");
            }
            int b = in[i] & 0xFF;
            if (i == maxBytes - 1) {
                if ((b & 0x80) != 0) {
                    return new Outcome(0, i, true, "integer representation too long");
                }
                int used = bits - shift;
                int rest = b >> (signed ? used - 1 : used);
                boolean ok = signed ? rest == 0 || rest == (1 << (7 - used + 1)) - 1 : rest == 0;
                if (!ok) {
                    return new Outcome(0, i, true, "integer too large");
                }
            }
            result |= (long) (b & 0x7F) << shift;
            shift += 7;
            if ((b & 0x80) == 0) {
                if (signed && shift < 64 && (b & 0x40) != 0) {
                    result |= -1L << shift;
                }
                boolean canonical = i == 0 || !(signed
                        ? (b == 0 && (in[i - 1] & 0x40) == 0) || (b == 0x7F && (in[i - 1] & 0x40) != 0)
                        : b == 0);
                if (bits == 32 && !signed) {
                    result &= 0xFFFF_FFFFL;
                }
                return new Outcome(result, i + 1, canonical, null);
            }
        }
    }

    /** The encoding followed by {@code padding} filler bytes (with the continuation bit set). */
    private static byte[] padded(byte[] encoding, int padding) {
        byte[] buf = Arrays.copyOf(encoding, encoding.length + padding);
        Arrays.fill(buf, encoding.length, buf.length, (byte) 0xA5);
        return buf;
    }

    private static Outcome actual(byte[] buf, int bits, boolean signed) {
        ByteReader r = new ByteReader(buf, 0, buf.length, 0);
        try {
            long v = switch (bits) {
                case 32 -> signed ? r.s32() : r.u32() & 0xFFFF_FFFFL;
                case 33 -> r.s33();
                default -> signed ? r.s64() : r.u64();
            };
            return new Outcome(v, r.position(), r.isCanonical(), null);
        } catch (MalformedModuleException e) {
            return new Outcome(0, (int) e.offset(), true, e.reason());
        }
    }

    @Test
    void fastAndCarefulPathsAgreeWithTheSpec() {
        Random rnd = new Random(77);
        int[][] widths = {{32, 0}, {32, 1}, {33, 1}, {64, 0}, {64, 1}};
        for (int i = 0; i < 200_000; i++) {
            int[] w = widths[rnd.nextInt(widths.length)];
            boolean signed = w[1] == 1;
            byte[] enc = randomEncoding(rnd);
            for (int padding : new int[] {0, 8}) {
                byte[] buf = padded(enc, padding);
                Outcome expected = reference(buf, w[0], signed);
                Outcome got = actual(buf, w[0], signed);
                String what = Arrays.toString(enc) + " as " + (signed ? "s" : "u") + w[0] + " padding " + padding;
                assertEquals(expected.error(), got.error(), what);
                if (expected.error() == null) {
                    assertEquals(expected.value(), got.value(), what);
                    assertEquals(expected.length(), got.length(), what);
                    assertEquals(expected.canonical(), got.canonical(), what);
                } else if (!expected.error().startsWith("unexpected end")) {
                    assertEquals(expected.length(), got.length(), what);
                }
            }
        }
    }

    /** Mostly well-formed numbers of 1 to 11 bytes, some padded or truncated. */
    private static byte[] randomEncoding(Random rnd) {
        int len = 1 + rnd.nextInt(11);
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            int group = switch (rnd.nextInt(4)) {
                case 0 -> 0x00;
                case 1 -> 0x7F;
                default -> rnd.nextInt(0x80);
            };
            b[i] = (byte) (group | (i < len - 1 ? 0x80 : 0));
        }
        if (rnd.nextInt(10) == 0) {
            b[len - 1] |= (byte) 0x80; // no terminator: runs into the padding or the end
        }
        return b;
    }
}
