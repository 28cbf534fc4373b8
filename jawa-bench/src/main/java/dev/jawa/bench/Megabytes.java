package dev.jawa.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the megabytes (10^6 bytes) of module a benchmark processed. JMH divides an auxiliary
 * counter by the measured time like an operation count, so the secondary result
 * {@code BENCHMARK:megabytes} it reports in "ops/s" is in MB/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Megabytes {

    /** Megabytes processed in this iteration: reported as MB/s. */
    public double megabytes;

    @Setup(Level.Iteration)
    public void reset() {
        megabytes = 0;
    }
}
