package dev.jawa.wasi;

/**
 * The clocks a guest reads (clock_time_get, clock_res_get) and sleeps on (poll_oneoff with clock
 * subscriptions). {@link #system()} is the host's; {@link #virtual(long)} is deterministic, for
 * tests: it stands still except when the guest sleeps, which advances it without waiting.
 */
public interface WasiClock {

    /** Nanoseconds since 1970-01-01T00:00Z (WASI clock 0, realtime). */
    long realtimeNanos();

    /** Nanoseconds from an arbitrary origin, never decreasing (WASI clock 1, monotonic). */
    long monotonicNanos();

    /** CPU time of the process, in nanoseconds (WASI clock 2). */
    long processCpuNanos();

    /** CPU time of the calling thread, in nanoseconds (WASI clock 3). */
    long threadCpuNanos();

    /** Waits {@code nanos} nanoseconds (or lets that much virtual time pass). */
    void sleep(long nanos) throws InterruptedException;

    /** The resolution of every clock, in nanoseconds. */
    default long resolutionNanos() {
        return 1;
    }

    /** The host's clocks. */
    static WasiClock system() {
        return SystemClock.INSTANCE;
    }

    /**
     * A virtual clock starting at {@code startEpochNanos} (realtime) and 0 (monotonic and CPU time):
     * time moves only when the guest sleeps, by exactly the time slept.
     */
    static WasiClock virtual(long startEpochNanos) {
        return new VirtualClock(startEpochNanos);
    }
}
