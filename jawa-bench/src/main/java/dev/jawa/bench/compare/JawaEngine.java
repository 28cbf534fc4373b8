package dev.jawa.bench.compare;

import java.util.List;
import java.util.Optional;

/**
 * Jawa's own tiers: interp, jit and auto (auto is the baseline of every ratio once it exists).
 *
 * <p>The interpreter and the compiler tier run through {@link JawaMain}; auto does not exist yet
 * and reports itself unavailable, so it is never run: no Jawa number is ever made up. TODO: the
 * startup measurement needs a {@code JawaStartupMain} (see {@link ChicoryStartupMain}), returned
 * by {@link #forStartup()}.
 */
final class JawaEngine extends JvmEngine {

    /** The tiers, in the order the tables show them. */
    static final List<String> TIERS = List.of("interp", "jit", "auto");

    private final String tier;

    /**
     * @param tier one of {@link #TIERS}
     */
    JawaEngine(String tier) {
        super("jawa-" + tier, "Jawa " + tier, "dev.jawa.bench.compare.JawaMain", tier);
        this.tier = tier;
    }

    /**
     * Whether this is the tier every ratio is taken against.
     *
     * @return true for auto
     */
    boolean isBaseline() {
        return tier.equals("auto");
    }

    @Override
    public Optional<String> unavailableReason() {
        return tier.equals("auto") ? Optional.of("Jawa has no auto tier yet (tiering is a later step)")
                : Optional.empty();
    }
}
