package dev.jawa.binary;

import static dev.jawa.binary.Wasm.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.MalformedModuleException;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.Module;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ExprScanner sizes the common instructions itself and leaves the rest to InstructionReader;
 * scanning with and without that shortcut must give the same expression, end, data-index use
 * and error, on real code and on random mutations of it.
 */
class ExprScannerTest {

    private record Scan(byte[] expr, int end, boolean usesData, String error, long offset) {
    }

    private static Scan scan(byte[] code, boolean quick) {
        InstructionReader in = new InstructionReader(code, 0, code.length, 0);
        ExprScanner scanner = new ExprScanner(code, in, quick);
        try {
            Expr e = scanner.read();
            return new Scan(e.toByteArray(), in.position(), scanner.usesDataIndex(), null, -1);
        } catch (MalformedModuleException e) {
            return new Scan(null, -1, false, e.reason(), e.offset());
        }
    }

    private static void assertSameScan(byte[] code) {
        Scan quick = scan(code, true);
        Scan careful = scan(code, false);
        String what = java.util.HexFormat.of().formatHex(code);
        assertArrayEquals(careful.expr(), quick.expr(), what);
        assertEquals(careful.end(), quick.end(), what);
        assertEquals(careful.usesData(), quick.usesData(), what);
        assertEquals(careful.error(), quick.error(), what);
        assertEquals(careful.offset(), quick.offset(), what);
    }

    private static List<byte[]> realBodies() {
        List<byte[]> bodies = new ArrayList<>();
        List<byte[]> modules = new ArrayList<>(List.of(SampleModules.gc()));
        for (String r : SampleModules.WABT) {
            modules.add(SampleModules.resource(r));
        }
        for (byte[] m : modules) {
            Module module = BinaryDecoder.decode(m);
            for (Function f : module.functions()) {
                bodies.add(f.body().toByteArray());
            }
        }
        return bodies;
    }

    @Test
    void quickSizingAgreesWithTheReaderOnRealAndMutatedCode() {
        List<byte[]> bodies = realBodies();
        assertTrue(bodies.size() >= 15, "bodies: " + bodies.size());
        Random rnd = new Random(99);
        for (byte[] body : bodies) {
            assertSameScan(body);
        }
        int[] interesting = {0x00, 0x02, 0x04, 0x05, 0x06, 0x07, 0x0B, 0x18, 0x19, 0x20, 0x28, 0x40, 0x41,
            0x43, 0x44, 0x7F, 0x80, 0xFC, 0xFF};
        for (int i = 0; i < 50_000; i++) {
            byte[] code = bodies.get(rnd.nextInt(bodies.size())).clone();
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits && code.length > 0; e++) {
                int at = rnd.nextInt(code.length);
                switch (rnd.nextInt(3)) {
                    case 0 -> code[at] = (byte) (rnd.nextBoolean() ? interesting[rnd.nextInt(interesting.length)]
                            : rnd.nextInt(256));
                    case 1 -> code[at] ^= (byte) (1 << rnd.nextInt(8));
                    default -> code = Arrays.copyOf(code, at);
                }
            }
            assertSameScan(code);
        }
    }

    @Test
    void structureErrorsAndDataUse() {
        assertEquals("END opcode expected", scan(b(0x02, 0x40, 0x05, 0x0B, 0x0B), true).error());
        assertEquals(2, scan(b(0x02, 0x40, 0x05, 0x0B, 0x0B), true).offset());
        assertTrue(scan(b(0xFC, 0x09, 0x00, 0x0B), true).usesData());
        Scan s = scan(b(0x41, 0x7F, 0x28, 0x3F, 0x7F, 0x1A, 0x02, 0x7F, 0x41, 0x01, 0x0B, 0x1A, 0x0B, 0xAA), true);
        assertEquals(13, s.end());
        assertEquals(null, s.error());
    }

    @Test
    void anEmptyElseIsDroppedSoEqualCodeHasEqualBytes() {
        // i32.const 0; if; else; end; end  ->  i32.const 0; if; end; end
        byte[] withElse = {0x41, 0x00, 0x04, 0x40, 0x05, 0x0B, 0x0B};
        byte[] canonical = {0x41, 0x00, 0x04, 0x40, 0x0B, 0x0B};
        assertArrayEquals(canonical, scan(withElse, true).expr());
        assertArrayEquals(canonical, scan(withElse, false).expr());
        assertEquals(withElse.length, scan(withElse, true).end());
        // A non-empty else stays.
        byte[] nonEmpty = {0x41, 0x00, 0x04, 0x40, 0x05, 0x01, 0x0B, 0x0B};
        assertArrayEquals(nonEmpty, scan(nonEmpty, true).expr());
    }
}
