package dev.jawa.bench.compare;

import java.nio.file.Path;
import java.util.Map;

/**
 * One benchmark program: its name, its committed wasm module, and the checksum it must print for
 * each size that expected.txt records.
 *
 * @param name the kernel's name, also its source's and module's base name
 * @param wasm the wasm32-wasi module
 * @param quickSize the size the comparison runs by default (fits the 20-minute budget)
 * @param fullSize the kernel's own default size (about 0.5 to 2 s natively)
 * @param expected the checksum for each recorded size
 */
public record Kernel(String name, Path wasm, long quickSize, long fullSize, Map<Long, Long> expected) {

    /** Which of the two recorded sizes a comparison runs. */
    public enum Scale {
        /** Sizes small enough for the slowest engine to finish the whole comparison in time. */
        QUICK,
        /** Each kernel's default size. */
        FULL
    }

    /** Copies the map. */
    public Kernel {
        expected = Map.copyOf(expected);
    }

    /**
     * The size for a scale.
     *
     * @param scale quick or full
     * @return the problem size passed to the kernel as its argument
     */
    public long size(Scale scale) {
        return scale == Scale.QUICK ? quickSize : fullSize;
    }
}
