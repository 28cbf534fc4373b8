package dev.jawa.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jawa.Engine;
import dev.jawa.Instance;
import dev.jawa.runtime.Memory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads hammering compare-exchange loops and narrow read-modify-writes on one shared memory:
 * no update may be lost, at any width, including updates of neighbouring bytes of one word.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AtomicsCompareExchangeTest {

    private static final int N = 200_000;

    private static final Instance INSTANCE = new Engine().compileText("""
            (module
              (memory (export "memory") 1 1 shared)
              ;; increments the i32 at 0 n times with a cmpxchg loop
              (func (export "cas32") (param $n i32) (local $old i32)
                (loop $next
                  (loop $retry
                    (local.set $old (i32.atomic.load (i32.const 0)))
                    (br_if $retry (i32.ne (local.get $old)
                      (i32.atomic.rmw.cmpxchg (i32.const 0) (local.get $old) (i32.add (local.get $old) (i32.const 1))))))
                  (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              ;; the same on the i64 at 8
              (func (export "cas64") (param $n i32) (local $old i64)
                (loop $next
                  (loop $retry
                    (local.set $old (i64.atomic.load (i32.const 8)))
                    (br_if $retry (i64.ne (local.get $old)
                      (i64.atomic.rmw.cmpxchg (i32.const 8) (local.get $old) (i64.add (local.get $old) (i64.const 1))))))
                  (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              ;; the same on the 16-bit value at 18 (wrapping)
              (func (export "cas16") (param $n i32) (local $old i32)
                (loop $next
                  (loop $retry
                    (local.set $old (i32.atomic.load16_u (i32.const 18)))
                    (br_if $retry (i32.ne (local.get $old)
                      (i32.atomic.rmw16.cmpxchg_u (i32.const 18) (local.get $old) (i32.add (local.get $old) (i32.const 1))))))
                  (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
              ;; adds 1 n times to the byte at $at
              (func (export "add8") (param $at i32) (param $n i32)
                (loop $next
                  (drop (i32.atomic.rmw8.add_u (local.get $at) (i32.const 1)))
                  (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
            """).instantiate();

    /** Runs {@code work} on {@code threads} threads started together, and waits for them. */
    private static void together(int threads, java.util.function.IntConsumer work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> ts = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    work.accept(id);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.get(0));
        }
    }

    @Test
    void twoThreadsCompareExchangingLoseNoIncrement() throws Exception {
        Memory mem = INSTANCE.memory("memory");
        together(2, id -> {
            INSTANCE.function("cas32").call(N);
            INSTANCE.function("cas64").call(N);
            INSTANCE.function("cas16").call(N);
        });
        assertEquals(2 * N, mem.readInt(0));
        assertEquals(2L * N, mem.readLong(8));
        assertEquals((2 * N) & 0xFFFF, mem.readShort(18) & 0xFFFF);
    }

    @Test
    void neighbouringBytesOfOneWordKeepEveryUpdate() throws Exception {
        Memory mem = INSTANCE.memory("memory");
        for (int i = 32; i < 36; i++) {
            mem.writeByte(i, (byte) 0);
        }
        int perThread = 100_003;
        together(4, id -> INSTANCE.function("add8").call(32 + id, perThread));
        for (int i = 32; i < 36; i++) {
            assertEquals(perThread & 0xFF, mem.readByte(i) & 0xFF, "byte " + i);
        }
    }
}
