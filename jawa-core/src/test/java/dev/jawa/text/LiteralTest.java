package dev.jawa.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiteralTest {

    @Test
    void integersAcceptTheSignedAndTheUnsignedRange() {
        assertEquals(0xFFFF_FFFFL, IntLiteral.parse("0xffff_ffff", 32));
        assertEquals(-1, (int) IntLiteral.parse("-1", 32));
        assertEquals(Integer.MIN_VALUE, (int) IntLiteral.parse("-0x8000_0000", 32));
        assertEquals(4294967295L, IntLiteral.parse("4294967295", 32));
        assertEquals(-1L, IntLiteral.parse("18446744073709551615", 64));
        assertEquals(Long.MIN_VALUE, IntLiteral.parse("-9223372036854775808", 64));
        assertEquals(255, IntLiteral.parse("+0xff", 8));
        assertEquals(-128, IntLiteral.parse("-128", 8));
        for (String bad : new String[] {"4294967296", "-2147483649", "0x1_0000_0000", "-0x80000001", "1.0", "0x1p0"}) {
            assertThrows(LiteralOutOfRange.class, () -> IntLiteral.parse(bad, 32), bad);
        }
        assertThrows(LiteralOutOfRange.class, () -> IntLiteral.parse("18446744073709551616", 64));
        assertThrows(LiteralOutOfRange.class, () -> IntLiteral.parse("-9223372036854775809", 64));
        assertThrows(LiteralOutOfRange.class, () -> IntLiteral.parse("256", 8));
        assertThrows(LiteralOutOfRange.class, () -> IntLiteral.parseUnsigned("-1", 32));
    }

    @Test
    void numericTokenClassification() {
        assertEquals(TokenKind.NAT, IntLiteral.classify("1_000", 0, 5));
        assertEquals(TokenKind.INT, IntLiteral.classify("+0x1f", 0, 5));
        assertEquals(TokenKind.FLOAT, IntLiteral.classify("1.", 0, 2));
        assertEquals(TokenKind.FLOAT, IntLiteral.classify("1e+5", 0, 4));
        assertEquals(TokenKind.FLOAT, IntLiteral.classify("0x1.p-2", 0, 7));
        for (String bad : new String[] {".0", "0e", "0x", "0x.", "0x0p", "1__0", "_1", "0x0pA", "nan:1", "infinity"}) {
            assertEquals(-1, IntLiteral.classify(bad, 0, bad.length()), bad);
        }
    }

    private static int f32(String s) {
        return FloatLiteral.parseF32(s);
    }

    private static long f64(String s) {
        return FloatLiteral.parseF64(s);
    }

    @Test
    void specialFloats() {
        assertEquals(0x7F80_0000, f32("inf"));
        assertEquals(0xFF80_0000, f32("-inf"));
        assertEquals(0x7FC0_0000, f32("nan"));
        assertEquals(0xFFC0_0000, f32("-nan"));
        assertEquals(0x7F80_0001, f32("nan:0x1"));
        assertEquals(0x7FFF_FFFF, f32("+nan:0x7f_ffff"));
        assertEquals(0x7FF8_0000_0000_0000L, f64("nan"));
        assertEquals(0xFFF0_0000_0000_0001L, f64("-nan:0x1"));
        assertThrows(LiteralOutOfRange.class, () -> f32("nan:0x80_0000"));
        assertThrows(LiteralOutOfRange.class, () -> f32("nan:0x0"));
        assertThrows(LiteralOutOfRange.class, () -> f64("nan:0x10_0000_0000_0000"));
        assertEquals(0x8000_0000, f32("-0.0"));
        assertEquals(0, f32("0x0p+999999999999"));
    }

    @Test
    void hexFloatsRoundToNearestEvenAtTheTargetWidth() {
        assertEquals(Float.floatToRawIntBits(1.5f), f32("0x1.8p0"));
        assertEquals(Float.floatToRawIntBits(Float.MAX_VALUE), f32("0x1.fffffep127"));
        assertEquals(Float.floatToRawIntBits(Float.MIN_VALUE), f32("0x1p-149"));
        // Halfway between 1 and its successor rounds to even (down), just above rounds up.
        assertEquals(0x3F80_0000, f32("0x1.000001p0"));
        assertEquals(0x3F80_0001, f32("0x1.000001000000000000001p0"));
        assertEquals(0x3F80_0002, f32("0x1.000003p0"));
        // A value that rounding through f64 first would get wrong: f64 rounds it to the f32
        // halfway point, which then goes to even; exact rounding goes up.
        assertEquals(0x3F80_0001, f32("0x1.00000100000000001p0"));
        // Below half the smallest subnormal: zero; above: the smallest subnormal.
        assertEquals(0, f32("0x1p-150"));
        assertEquals(1, f32("0x1.000002p-150"));
        assertEquals(Double.doubleToRawLongBits(Double.MIN_VALUE), f64("0x1p-1074"));
        assertEquals(0x7FEF_FFFF_FFFF_FFFFL, f64("0x1.fffffffffffff7ffp1023"));
        assertThrows(LiteralOutOfRange.class, () -> f32("0x1p128"));
        assertThrows(LiteralOutOfRange.class, () -> f32("0x1.ffffffp127"));
        assertThrows(LiteralOutOfRange.class, () -> f64("0x1.fffffffffffff8p1023"));
    }

    @Test
    void decimalFloatsAreCorrectlyRounded() {
        assertEquals(Float.floatToRawIntBits(0.1f), f32("0.1"));
        assertEquals(Float.floatToRawIntBits(3.4028235e38f), f32("340282356779733661637539395458142568447"));
        assertThrows(LiteralOutOfRange.class, () -> f32("340282356779733661637539395458142568448"));
        assertThrows(LiteralOutOfRange.class, () -> f32("1e39"));
        assertEquals(0, f32("1e-50"));
        assertEquals(0x0000_0001, f32("1.4e-45"));
        // 1 + 2^-24 + 2^-60: just above the halfway point between 1 and its f32 successor.
        assertEquals(0x3F80_0001, f32("1.00000005960464477539062500000000000000000000000000000000000000000000867"));
        assertEquals(0x3F80_0000, f32("1.000000059604644775390625"));
        assertEquals(Double.doubleToRawLongBits(1e308), f64("1e308"));
        assertThrows(LiteralOutOfRange.class, () -> f64("1e309"));
        assertEquals(Double.doubleToRawLongBits(4.9e-324), f64("4.9e-324"));
        assertEquals(0, f64("1e-400"));
        assertEquals(Double.doubleToRawLongBits(123456.789), f64("1_23_456.7_89"));
        assertEquals(Double.doubleToRawLongBits(1e10), f64("1e+1_0"));
    }

    @Test
    void randomDecimalsAgreeWithAnExactOracle() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 3000; i++) {
            String s = (r.nextInt(1, 100_000_000)) + "." + r.nextInt(0, 1_000_000) + "e" + r.nextInt(-52, 30);
            // f64: Java's parser is correctly rounded.
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), f64(s), s);
            // f32: the result must be at least as close as both neighbours (ties to even).
            BigDecimal x = new BigDecimal(s);
            float f = Float.intBitsToFloat(f32(s));
            BigDecimal d = x.subtract(new BigDecimal(f)).abs();
            for (float n : new float[] {Math.nextUp(f), Math.nextDown(f)}) {
                if (Float.isFinite(n)) {
                    int cmp = d.compareTo(x.subtract(new BigDecimal(n)).abs());
                    assertTrue(cmp < 0 || (cmp == 0 && (Float.floatToRawIntBits(f) & 1) == 0), s);
                }
            }
        }
    }

    @Test
    void stringEscapesDenoteBytes() {
        String lit = "\"a\\t\\n\\r\\\"\\'\\\\\\00\\ff\\u{41}\\u{1_F600}λ\"";
        byte[] expected = concat(new byte[] {'a', 9, 10, 13, '"', '\'', '\\', 0, (byte) 0xFF, 'A'},
                "\uD83D\uDE00λ".getBytes(StandardCharsets.UTF_8));
        assertEquals(lit.length(), StringLiteral.scan(lit, 0, lit.length(), new int[1]));
        assertArrayEquals(expected, StringLiteral.decode(lit, 0, lit.length()));
        String raw = "\"" + Utf8.decodeLossless(new byte[] {(byte) 0xC3}) + "\"";
        assertEquals(StringLiteral.BAD_UTF8, StringLiteral.scan(raw, 0, raw.length(), new int[1]));
    }

    @Test
    void utf8Validation() {
        assertTrue(Utf8.isValid("λ😀".getBytes(StandardCharsets.UTF_8)));
        for (byte[] bad : new byte[][] {{(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}}) {
            assertEquals(null, Utf8.decodeStrict(bad));
        }
        byte[] mixed = {'a', (byte) 0xFF, (byte) 0xCE, (byte) 0xBB};
        assertEquals("a\uDCFFλ", Utf8.decodeLossless(mixed));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
