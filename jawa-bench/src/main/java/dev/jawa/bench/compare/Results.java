package dev.jawa.bench.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The times collected for each kernel and engine, and the numbers the report derives from them:
 * medians, ratios against a baseline engine, and geometric means over the kernels. Engines and
 * kernels are known by their display names, so that tests can fill this with made-up timings.
 */
public final class Results {

    private final List<String> kernels;
    private final List<String> engines;
    private final Map<String, List<Long>> nanos = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();

    /**
     * @param kernels the kernels, in table order
     * @param engines the engines, in column order
     */
    public Results(List<String> kernels, List<String> engines) {
        this.kernels = List.copyOf(kernels);
        this.engines = List.copyOf(engines);
    }

    /** @return the kernels, in table order */
    public List<String> kernels() {
        return kernels;
    }

    /** @return the engines, in column order */
    public List<String> engines() {
        return engines;
    }

    private static String key(String kernel, String engine) {
        return kernel + '\u0000' + engine;
    }

    /**
     * Records one successful run.
     *
     * @param kernel the kernel
     * @param engine the engine
     * @param runNanos its time
     */
    public void add(String kernel, String engine, long runNanos) {
        nanos.computeIfAbsent(key(kernel, engine), k -> new ArrayList<>()).add(runNanos);
    }

    /**
     * Records that an engine failed a kernel; its times for that kernel no longer count.
     *
     * @param kernel the kernel
     * @param engine the engine
     * @param reason what the table shows instead of a time, e.g. {@code wrong checksum}
     */
    public void fail(String kernel, String engine, String reason) {
        failures.putIfAbsent(key(kernel, engine), reason);
    }

    /**
     * @param kernel the kernel
     * @param engine the engine
     * @return why the engine failed the kernel, if it did
     */
    public Optional<String> failure(String kernel, String engine) {
        return Optional.ofNullable(failures.get(key(kernel, engine)));
    }

    /** @return whether any engine failed any kernel */
    public boolean anyFailure() {
        return !failures.isEmpty();
    }

    /**
     * The median time of the successful runs, in milliseconds (the mean of the middle two for an
     * even count).
     *
     * @param kernel the kernel
     * @param engine the engine
     * @return the median, or empty when the engine failed the kernel or never ran it
     */
    public OptionalDouble medianMillis(String kernel, String engine) {
        List<Long> runs = nanos.get(key(kernel, engine));
        if (runs == null || runs.isEmpty() || failures.containsKey(key(kernel, engine))) {
            return OptionalDouble.empty();
        }
        List<Long> sorted = runs.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return OptionalDouble.of(median / 1e6);
    }

    /**
     * An engine's median over the baseline's: below 1 is faster than the baseline.
     *
     * @param kernel the kernel
     * @param engine the engine
     * @param baseline the engine every ratio is taken against
     * @return the ratio, or empty when either median is missing
     */
    public OptionalDouble ratio(String kernel, String engine, String baseline) {
        OptionalDouble e = medianMillis(kernel, engine);
        OptionalDouble b = medianMillis(kernel, baseline);
        return e.isPresent() && b.isPresent() && b.getAsDouble() > 0
                ? OptionalDouble.of(e.getAsDouble() / b.getAsDouble())
                : OptionalDouble.empty();
    }

    /**
     * The geometric mean of an engine's ratios over the kernels where both it and the baseline
     * have a median.
     *
     * @param engine the engine
     * @param baseline the baseline
     * @return the mean, or empty when no kernel has both
     */
    public OptionalDouble geomeanRatio(String engine, String baseline) {
        double logSum = 0;
        int n = 0;
        for (String k : kernels) {
            OptionalDouble r = ratio(k, engine, baseline);
            if (r.isPresent() && r.getAsDouble() > 0) {
                logSum += Math.log(r.getAsDouble());
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.exp(logSum / n));
    }

    /**
     * The geometric mean of an engine's median times over the kernels it has one for.
     *
     * @param engine the engine
     * @return the mean in milliseconds, or empty when it has none
     */
    public OptionalDouble geomeanMillis(String engine) {
        double logSum = 0;
        int n = 0;
        for (String k : kernels) {
            OptionalDouble m = medianMillis(k, engine);
            if (m.isPresent() && m.getAsDouble() > 0) {
                logSum += Math.log(m.getAsDouble());
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.exp(logSum / n));
    }

    /**
     * How many kernels an engine has a median for.
     *
     * @param engine the engine
     * @return the count
     */
    public int measuredKernels(String engine) {
        int n = 0;
        for (String k : kernels) {
            if (medianMillis(k, engine).isPresent()) {
                n++;
            }
        }
        return n;
    }
}
