package dev.jawa.interp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Engine;
import dev.jawa.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The threads proposal on real JVM threads: atomic read-modify-write, and wait/notify. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AtomicsThreadsTest {

    private static final String MODULE = """
            (module
              (memory (export "memory") 1 1 shared)
              (func (export "inc") (param $n i32)
                (loop $again
                  (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
                  (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "count") (result i32) (i32.atomic.load (i32.const 0)))
              (func (export "wait") (param $expected i32) (param $timeout i64) (result i32)
                (memory.atomic.wait32 (i32.const 8) (local.get $expected) (local.get $timeout)))
              (func (export "notify") (param $count i32) (result i32)
                (memory.atomic.notify (i32.const 8) (local.get $count))))
            """;

    private static Instance instance() {
        return new Engine().compileText(MODULE).instantiate();
    }

    @Test
    void eightThreadsAddingAMillionEachEndAtEightMillion() throws Exception {
        Instance inst = instance();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> inst.function("inc").call(1_000_000)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(new long[] {8_000_000}, inst.function("count").call());
    }

    @Test
    void notifyWakesAWaiter() throws Exception {
        Instance inst = instance();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // No timeout (-1): only a notify can end this wait.
            Future<long[]> waiter = pool.submit(() -> inst.function("wait").call(0, -1));
            long woken = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (woken == 0 && System.nanoTime() < deadline) {
                woken = inst.function("notify").call(1)[0]; // 0 until the waiter is parked
                Thread.sleep(1);
            }
            assertEquals(1, woken);
            assertArrayEquals(new long[] {0}, waiter.get(30, TimeUnit.SECONDS)); // 0: "ok", woken
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitsReportNotEqualAndTimeout() {
        Instance inst = instance();
        assertArrayEquals(new long[] {1}, inst.function("wait").call(5, -1)); // the value is 0, not 5
        long t0 = System.nanoTime();
        assertArrayEquals(new long[] {2}, inst.function("wait").call(0, 20_000_000)); // 20 ms
        assertTrue(System.nanoTime() - t0 >= 20_000_000);
        assertArrayEquals(new long[] {0}, inst.function("notify").call(1)); // nobody waits now
    }
}
