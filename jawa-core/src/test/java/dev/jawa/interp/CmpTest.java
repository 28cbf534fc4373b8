package dev.jawa.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The branch-free comparisons agree with Java's operators, edge values included. */
class CmpTest {

    private static final long[] EDGES = {0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFF_FFFFL,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 1L << 32, -(1L << 32)};

    @Test
    void comparisonsMatchJava() {
        Random random = new Random(42);
        long[] values = new long[EDGES.length + 200];
        System.arraycopy(EDGES, 0, values, 0, EDGES.length);
        for (int i = EDGES.length; i < values.length; i++) {
            values[i] = random.nextInt(4) == 0 ? random.nextInt(5) - 2 : random.nextLong();
        }
        for (long a : values) {
            assertEquals(a == 0 ? 1 : 0, Cmp.eqz(a));
            assertEquals((int) a == 0 ? 1 : 0, Cmp.eqz((int) a));
            for (long b : values) {
                int x = (int) a;
                int y = (int) b;
                assertEquals(x < y ? 1 : 0, Cmp.lt(x, y), x + " < " + y);
                assertEquals(Integer.compareUnsigned(x, y) < 0 ? 1 : 0, Cmp.ltU(x, y), x + " <u " + y);
                assertEquals(a < b ? 1 : 0, Cmp.lt(a, b), a + " < " + b);
                assertEquals(Long.compareUnsigned(a, b) < 0 ? 1 : 0, Cmp.ltU(a, b), a + " <u " + b);
            }
        }
    }
}
