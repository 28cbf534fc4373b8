package dev.jawa.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Engine;
import dev.jawa.Instance;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A shared memory growing while another thread writes to it loses no write: its pages are never
 * copied. (A memory backed by one array copied on growth would drop the writes made to the old
 * array while the copy was being made: here each word is written once, slowly, while the memory
 * grows page by page, so such a loss would show.)
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SharedMemoryGrowthTest {

    @Test
    void writesDuringGrowthAreKept() throws Exception {
        Instance inst = new Engine().compileText("""
                (module
                  (memory (export "mem") 1 400 shared)
                  ;; writes a + 1 into each word a of the first page, once, spinning $spin times between words
                  (func (export "write") (param $spin i32) (local $a i32) (local $k i32)
                    (loop $word
                      (i32.store (local.get $a) (i32.add (local.get $a) (i32.const 1)))
                      (local.set $k (local.get $spin))
                      (loop $wait (br_if $wait (local.tee $k (i32.sub (local.get $k) (i32.const 1)))))
                      (br_if $word (i32.lt_u (local.tee $a (i32.add (local.get $a) (i32.const 4))) (i32.const 65536)))))
                  (func (export "grow") (result i32) (memory.grow (i32.const 1))))
                """).instantiate();
        AtomicBoolean writing = new AtomicBoolean(true);
        int[] grown = new int[1];
        Thread grower = new Thread(() -> {
            while (writing.get() && inst.function("grow").call()[0] != -1) {
                grown[0]++;
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        grower.start();
        inst.function("write").call(1000);
        writing.set(false);
        grower.join();
        assertTrue(grown[0] > 10, "the memory grew only " + grown[0] + " times while it was written");
        Memory mem = inst.memory("mem");
        for (int a = 0; a < 65536; a += 4) {
            assertEquals(a + 1, mem.readInt(a), "word at " + a);
        }
    }
}
