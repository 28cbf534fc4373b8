package dev.jawa.bench;

import dev.jawa.Engine;
import dev.jawa.Tier;
import java.util.List;
import java.util.Optional;

/**
 * Jawa's execution tiers as the benchmarks name them ({@code interp}, {@code jit}, {@code auto},
 * the names of {@link Tier}), and an {@link Engine} for each.
 */
public final class JawaTiers {

    /** The tiers, in the order tables show them. */
    public static final List<String> ALL = List.of("interp", "jit", "auto");

    private JawaTiers() {}

    /**
     * Prints the tiers that exist here, comma-separated (for {@code jawa-bench/micro.sh}, which
     * passes them to JMH as {@code -p tier=...}).
     *
     * @param args none
     */
    public static void main(String[] args) {
        System.out.println(String.join(",", ALL.stream().filter(t -> unavailableReason(t).isEmpty()).toList()));
    }

    /**
     * Why a tier is not measured, if it is not: only an unknown tier ({@link Tier#AUTO} is tiering
     * now, interpreter then compiler, so it has its own column).
     *
     * @param tier one of {@link #ALL}
     * @return the reason, or empty when {@link #engine(String)} works for it
     */
    public static Optional<String> unavailableReason(String tier) {
        if (!ALL.contains(tier)) {
            return Optional.of("unknown Jawa tier " + tier + " (known: " + String.join(", ", ALL) + ")");
        }
        return Optional.empty();
    }

    /**
     * An engine that runs code on a tier.
     *
     * @param tier one of {@link #ALL}
     * @return the engine
     * @throws IllegalArgumentException when the tier is unknown or not measured
     */
    public static Engine engine(String tier) {
        unavailableReason(tier).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        return new Engine(Tier.parse(tier));
    }
}
