package dev.jawa.text;

/**
 * {@code v128.const shape lane*} and {@code i8x16.shuffle lane*} literals, packed into the two
 * little-endian halves of a v128 ({@code [low, high]}).
 */
public final class VectorLiteral {

    private VectorLiteral() {
    }

    /** The number of lanes of shape keyword {@code shape}, or -1 if it is no shape. */
    public static int laneCount(int shape) {
        return switch (shape) {
            case Keyword.I8X16 -> 16;
            case Keyword.I16X8 -> 8;
            case Keyword.I32X4, Keyword.F32X4 -> 4;
            case Keyword.I64X2, Keyword.F64X2 -> 2;
            default -> -1;
        };
    }

    /** The lane width in bits of shape keyword {@code shape}. */
    public static int laneBits(int shape) {
        return 128 / laneCount(shape);
    }

    /** Whether {@code shape} is {@code f32x4} or {@code f64x2}. */
    public static boolean isFloatShape(int shape) {
        return shape == Keyword.F32X4 || shape == Keyword.F64X2;
    }

    /** Stores lane {@code i} of width {@code bits} with value {@code v} into {@code halves}. */
    public static void setLane(long[] halves, int i, int bits, long v) {
        if (bits < 64) {
            v &= (1L << bits) - 1;
        }
        int pos = i * bits;
        halves[pos >>> 6] |= v << (pos & 63);
    }

    /** The number of numeric tokens starting at the cursor. */
    public static int countNumbers(TokenCursor c) {
        int n = 0;
        while (TokenKind.isNumber(c.kind(c.pos() + n))) {
            n++;
        }
        return n;
    }

    /** Consumes the shape and lanes of a {@code v128.const}; "wrong number of lane literals". */
    static long[] parse(TokenCursor c) {
        int shape = c.kw();
        int n = laneCount(shape);
        if (n < 0) {
            throw c.unexpected();
        }
        int at = c.pos();
        c.advance();
        int count = countNumbers(c);
        if (count != n) {
            throw c.errorAt(c.kind(c.pos() + count) == TokenKind.ERROR ? c.pos() + count : at,
                    "wrong number of lane literals");
        }
        long[] v = new long[2];
        int bits = 128 / n;
        for (int i = 0; i < n; i++) {
            long lane = switch (shape) {
                case Keyword.F32X4 -> c.f32();
                case Keyword.F64X2 -> c.f64();
                default -> c.integer(bits);
            };
            setLane(v, i, bits, lane);
        }
        return v;
    }

    /** Consumes the 16 lane indices of {@code i8x16.shuffle}. */
    static long[] shuffle(TokenCursor c) {
        int count = countNumbers(c);
        if (count != 16) {
            int stop = c.pos() + count;
            throw c.errorAt(c.kind(stop) == TokenKind.ERROR ? stop : c.pos(), "invalid lane length");
        }
        long[] v = new long[2];
        for (int i = 0; i < 16; i++) {
            long lane;
            try {
                lane = IntLiteral.parseUnsigned(c.text(), 8);
            } catch (LiteralOutOfRange e) {
                throw c.error("i8 constant out of range");
            }
            c.advance();
            setLane(v, i, 8, lane);
        }
        return v;
    }
}
