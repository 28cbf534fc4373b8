package dev.jawa.runtime;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The threads blocked in {@code memory.atomic.wait} on one memory, by address, oldest first.
 *
 * <p>Every method must be called holding the memory's monitor, which every atomic access holds;
 * waiting releases it (through {@link Object#wait}), so a notifying thread can get in. A waiter
 * counts as woken only when {@link #notify} picked it, never because of a spurious wake-up.
 */
public final class WaitQueues {

    private static final class Waiter {
        boolean woken;
    }

    private final Map<Long, ArrayDeque<Waiter>> byAddress = new HashMap<>();

    /**
     * Blocks until a {@link #notify} on {@code address} picks this thread, or until
     * {@code timeoutNanos} passed (negative: no timeout).
     *
     * @param monitor the memory's monitor, held by the caller
     * @return true if notified, false if the time ran out
     * @throws InterruptedException if the JVM thread is interrupted while waiting
     */
    public boolean await(Object monitor, long address, long timeoutNanos) throws InterruptedException {
        Waiter w = new Waiter();
        byAddress.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(w);
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            while (!w.woken) {
                if (timeoutNanos < 0) {
                    monitor.wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    monitor.wait(left / 1_000_000, (int) (left % 1_000_000));
                }
            }
            return true;
        } finally {
            if (!w.woken) {
                ArrayDeque<Waiter> q = byAddress.get(address);
                if (q != null && q.remove(w) && q.isEmpty()) {
                    byAddress.remove(address);
                }
            }
        }
    }

    /**
     * Wakes at most {@code count} (unsigned) of the threads waiting on {@code address}, oldest
     * first.
     *
     * @param monitor the memory's monitor, held by the caller
     * @return how many were woken
     */
    public int notify(Object monitor, long address, long count) {
        ArrayDeque<Waiter> q = byAddress.get(address);
        if (q == null) {
            return 0;
        }
        int woken = 0;
        while (!q.isEmpty() && Long.compareUnsigned(woken, count) < 0) {
            q.pollFirst().woken = true;
            woken++;
        }
        if (q.isEmpty()) {
            byAddress.remove(address);
        }
        if (woken > 0) {
            monitor.notifyAll();
        }
        return woken;
    }
}
