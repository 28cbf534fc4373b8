package dev.jawa.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.Tier;
import dev.jawa.Trap;
import dev.jawa.runtime.WasmFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The compiler tier's atomics on real JVM threads (see {@link AtomicAccess}). */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class JitAtomicsTest {

    private static final String MODULE = """
            (module
              (memory (export "memory") 1 1 shared)
              (func (export "inc") (param $n i32)
                (loop $again
                  (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
                  (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              ;; Two 16-bit counters sharing one 32-bit word: neither may clobber the other.
              (func (export "inc16") (param $addr i32) (param $n i32)
                (loop $again
                  (drop (i32.atomic.rmw16.add_u (local.get $addr) (i32.const 1)))
                  (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              ;; An add written as a compare-exchange loop on an i64.
              (func (export "casInc") (param $n i32) (local $old i64)
                (loop $again
                  (loop $retry
                    (local.set $old (i64.atomic.load (i32.const 16)))
                    (br_if $retry (i64.ne (local.get $old)
                      (i64.atomic.rmw.cmpxchg (i32.const 16) (local.get $old)
                        (i64.add (local.get $old) (i64.const 1))))))
                  (br_if $again (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              (func (export "count") (result i32) (i32.atomic.load (i32.const 0)))
              (func (export "load16") (param i32) (result i32) (i32.atomic.load16_u (local.get 0)))
              (func (export "count64") (result i64) (i64.atomic.load (i32.const 16)))
              (func (export "unaligned") (result i32) (i32.atomic.load (i32.const 2)))
              (func (export "wait") (param $expected i32) (param $timeout i64) (result i32)
                (memory.atomic.wait32 (i32.const 8) (local.get $expected) (local.get $timeout)))
              (func (export "notify") (param $count i32) (result i32)
                (memory.atomic.notify (i32.const 8) (local.get $count))))
            """;

    private static Instance instance() {
        return instance(MODULE);
    }

    private static Instance instance(String module) {
        Instance i = new Engine(Tier.JIT).compileText(module).instantiate();
        // Really compiled, not interpreted.
        i.function("count").call();
        assertTrue(((WasmFunction) i.runtime().export("count")).tierCode instanceof JitFunction);
        return i;
    }

    private static void onThreads(int threads, Runnable r) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(r));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fourThreadsAddingAMillionEachEndAtFourMillion() throws Exception {
        Instance inst = instance();
        assertNull(inst.runtime().memories()[0].bytes()); // shared: paged, the lock-free path
        onThreads(4, () -> inst.function("inc").call(1_000_000));
        assertArrayEquals(new long[] {4_000_000}, inst.function("count").call());
    }

    @Test
    void unsharedMemoryAtomicsTakeTheMonitorAndStayExact() throws Exception {
        // An unshared memory is a byte[], where the accesses lock instead of being lock-free.
        Instance inst = instance(MODULE.replace("1 1 shared", "1 1"));
        assertTrue(inst.runtime().memories()[0].bytes() != null);
        onThreads(4, () -> inst.function("inc").call(200_000));
        onThreads(2, () -> inst.function("inc16").call(4, 10_000));
        assertArrayEquals(new long[] {800_000}, inst.function("count").call());
        assertArrayEquals(new long[] {20_000}, inst.function("load16").call(4));
    }

    @Test
    void neighbouringHalfWordCountersStayApart() throws Exception {
        Instance inst = instance();
        onThreads(2, () -> {
            inst.function("inc16").call(4, 30_000);
            inst.function("inc16").call(6, 20_000);
        });
        assertArrayEquals(new long[] {60_000}, inst.function("load16").call(4));
        assertArrayEquals(new long[] {40_000}, inst.function("load16").call(6));
    }

    @Test
    void compareExchangeLoopsCountExactly() throws Exception {
        Instance inst = instance();
        onThreads(4, () -> inst.function("casInc").call(200_000));
        assertArrayEquals(new long[] {800_000}, inst.function("count64").call());
    }

    @Test
    void unalignedAccessTraps() {
        Trap t = assertThrows(Trap.class, () -> instance().function("unaligned").call());
        assertTrue(t.getMessage().startsWith("unaligned atomic"), t.getMessage());
    }

    @Test
    void notifyWakesACompiledWaiter() throws Exception {
        Instance inst = instance();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<long[]> waiter = pool.submit(() -> inst.function("wait").call(0, -1));
            long woken = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (woken == 0 && System.nanoTime() < deadline) {
                woken = inst.function("notify").call(1)[0]; // 0 until the waiter is parked
                Thread.sleep(1);
            }
            assertEquals(1, woken);
            assertArrayEquals(new long[] {0}, waiter.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitsReportNotEqualAndTimeout() {
        Instance inst = instance();
        assertArrayEquals(new long[] {1}, inst.function("wait").call(5, -1));
        long t0 = System.nanoTime();
        assertArrayEquals(new long[] {2}, inst.function("wait").call(0, 20_000_000));
        assertTrue(System.nanoTime() - t0 >= 20_000_000);
    }
}
