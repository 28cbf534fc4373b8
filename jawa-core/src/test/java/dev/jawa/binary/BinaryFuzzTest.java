package dev.jawa.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jawa.MalformedModuleException;
import dev.jawa.module.Module;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random mutations of valid modules (bit flips, byte overwrites, insertions, deletions,
 * truncations) with a fixed seed: the decoder must either decode (and then its model must
 * survive an encode/decode round trip) or throw {@link MalformedModuleException}; nothing else
 * may escape, and it must not hang.
 */
class BinaryFuzzTest {

    // A longer run: -Djawa.fuzz.iterations=N -Djawa.fuzz.seed=S (see the README).
    private static final long SEED = Long.getLong("jawa.fuzz.seed", 0x5EED_1234L);
    private static final int ITERATIONS = Integer.getInteger("jawa.fuzz.iterations", 20_000);

    @Test
    void mutatedModulesFailOnlyWithMalformedModuleException() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(SampleModules.gc());
        for (String r : SampleModules.WABT) {
            seeds.add(SampleModules.resource(r));
        }
        seeds.add(SampleModules.resource("wabt/names.wasm"));
        Random rnd = new Random(SEED);
        int decoded = 0;
        int rejected = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
            try {
                Module m = BinaryDecoder.decode(input);
                decoded++;
                assertEquals(m, BinaryDecoder.decode(BinaryEncoder.encode(m)),
                        () -> "round trip of " + HexFormat.of().formatHex(input));
            } catch (MalformedModuleException e) {
                rejected++;
                assertTrue(e.offset() >= 0 && e.offset() <= input.length, "offset within the input");
            } catch (Throwable t) {
                fail("decoding " + HexFormat.of().formatHex(input) + " threw " + t, t);
            }
        }
        assertEquals(ITERATIONS, decoded + rejected);
        assertTrue(rejected > ITERATIONS / 4, "most mutations should be malformed, got " + rejected);
        assertTrue(decoded > 0, "some mutations should still decode");
        assertTrue(System.nanoTime() - t0 < 60_000_000_000L, "fuzzing took too long");
    }

    /** One to three random edits of a copy of {@code seed}. */
    private static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed;
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits && b.length > 8; e++) {
            int at = 8 + rnd.nextInt(b.length - 8);
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    b = b.clone();
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                case 1 -> {
                    b = b.clone();
                    b[at] = (byte) interesting(rnd);
                }
                case 2 -> {
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = (byte) interesting(rnd);
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    b = out;
                }
                case 3 -> {
                    byte[] out = new byte[b.length - 1];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                    b = out;
                }
                case 4 -> b = Arrays.copyOf(b, at);
                default -> {
                    // Overwrite with a large LEB128 value, as in a huge count or size.
                    b = b.clone();
                    byte[] leb = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
                    System.arraycopy(leb, 0, b, at, Math.min(leb.length, b.length - at));
                }
            }
        }
        return b;
    }

    private static int interesting(Random rnd) {
        int[] values = {0x00, 0x01, 0x0B, 0x40, 0x41, 0x60, 0x7F, 0x80, 0xFF, 0xFB, 0xFC, 0xFD, 0xFE, 0x4E, 0x50};
        return rnd.nextBoolean() ? values[rnd.nextInt(values.length)] : rnd.nextInt(256);
    }
}
