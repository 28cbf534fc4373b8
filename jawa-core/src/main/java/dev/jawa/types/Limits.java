package dev.jawa.types;

/**
 * Size limits of a memory (in pages) or a table (in elements). {@code max} is meaningful only
 * when {@code hasMax}; values are unsigned 64-bit for memory64 and table64.
 */
public record Limits(long min, long max, boolean hasMax) {

    /** Limits with a minimum and no maximum. */
    public static Limits atLeast(long min) {
        return new Limits(min, 0, false);
    }

    /** Limits with both bounds. */
    public static Limits between(long min, long max) {
        return new Limits(min, max, true);
    }

    public Limits {
        if (!hasMax) {
            max = 0;
        }
    }
}
