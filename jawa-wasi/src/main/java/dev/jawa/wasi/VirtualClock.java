package dev.jawa.wasi;

/** A deterministic clock for tests: it advances only by what the guest sleeps. */
final class VirtualClock implements WasiClock {

    private final long epoch;
    private long elapsed;

    VirtualClock(long startEpochNanos) {
        this.epoch = startEpochNanos;
    }

    @Override
    public synchronized long realtimeNanos() {
        return epoch + elapsed;
    }

    @Override
    public synchronized long monotonicNanos() {
        return elapsed;
    }

    @Override
    public synchronized long processCpuNanos() {
        return elapsed;
    }

    @Override
    public synchronized long threadCpuNanos() {
        return elapsed;
    }

    @Override
    public synchronized void sleep(long nanos) {
        if (nanos > 0) {
            elapsed += nanos;
        }
    }

    @Override
    public long resolutionNanos() {
        return 1000;
    }
}
