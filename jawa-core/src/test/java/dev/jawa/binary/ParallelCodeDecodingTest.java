package dev.jawa.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.MalformedModuleException;
import dev.jawa.module.Expr;
import dev.jawa.module.Function;
import dev.jawa.module.LocalGroup;
import dev.jawa.module.Module;
import dev.jawa.module.Opcode;
import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.RecType;
import dev.jawa.types.SubType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Code sections above the parallel threshold decode to the same module and the same errors. */
class ParallelCodeDecodingTest {

    private static final int FUNCTIONS = 500;

    /** A body of about 4 KB whose bytes depend on {@code seed}, so bodies differ. */
    private static Expr body(int seed) {
        InstructionWriter w = new InstructionWriter(4200);
        int i = 0;
        while (w.size() < 4000) {
            w.op(Opcode.LOCAL_GET).u32(0);
            w.op(Opcode.I32_CONST).s64(seed * 1000L + i++);
            w.op(Opcode.I32_ADD);
            w.op(Opcode.LOCAL_SET).u32(0);
        }
        w.op(Opcode.LOCAL_GET).u32(0);
        w.op(Opcode.END);
        return w.toExpr();
    }

    private static Module big() {
        Module.Builder b = Module.builder()
                .addRecType(RecType.single(SubType.plain(new FuncType(List.of(NumType.I32), List.of(NumType.I32)))));
        for (int i = 0; i < FUNCTIONS; i++) {
            b.addFunction(new Function(0, List.of(new LocalGroup(i % 3, NumType.I64)), body(i)));
        }
        return b.build();
    }

    @Test
    void aLargeCodeSectionRoundTrips() {
        Module m = big();
        byte[] bytes = BinaryEncoder.encode(m);
        assertTrue(bytes.length > 1 << 20); // above the parallel threshold
        assertEquals(m, BinaryDecoder.decode(bytes));
    }

    @Test
    void theLowestBrokenBodyIsReported() {
        byte[] bytes = BinaryEncoder.encode(big());
        // Each body ends with local.get 0 (0x20 0x00) and end (0x0B): make the local.get an
        // illegal opcode in two bodies far apart.
        int first = indexOfBodyEnd(bytes, 100);
        int second = indexOfBodyEnd(bytes, 400);
        bytes[first - 3] = (byte) 0xFF;
        bytes[second - 3] = (byte) 0xFF;
        MalformedModuleException e = assertThrows(MalformedModuleException.class, () -> BinaryDecoder.decode(bytes));
        assertTrue(e.reason().startsWith("illegal opcode"), e.reason());
        assertEquals(first - 3, e.offset());
    }

    /** The offset just past body {@code k}'s final end, found by walking the code section. */
    private static int indexOfBodyEnd(byte[] bytes, int k) {
        ByteReader r = new ByteReader(bytes, 8, bytes.length, 0);
        while (true) {
            int id = r.u8();
            int size = r.u32();
            if (id != 10) {
                r.skip(size);
                continue;
            }
            int n = r.u32();
            for (int i = 0; i < n; i++) {
                int s = r.u32();
                if (i == k) {
                    return r.position() + s;
                }
                r.skip(s);
            }
            throw new AssertionError("no body " + k);
        }
    }
}
