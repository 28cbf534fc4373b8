package dev.jawa.bench.compare;

import dev.jawa.bench.JawaTiers;
import java.util.List;
import java.util.Optional;

/**
 * Jawa's own tiers: interp, jit and auto (auto is the baseline of every ratio once it exists).
 * Kernels run through {@link JawaMain}, the startup measurement through {@link JawaStartupMain}.
 * A tier that does not exist yet reports itself unavailable (see {@link JawaTiers}) and is never
 * run: no Jawa number is ever made up.
 */
final class JawaEngine extends JvmEngine {

    /** The tiers, in the order the tables show them. */
    static final List<String> TIERS = JawaTiers.ALL;

    private final String tier;

    /**
     * @param tier one of {@link #TIERS}
     */
    JawaEngine(String tier) {
        super("jawa-" + tier, "Jawa " + tier, JawaMain.class.getName(), JawaStartupMain.class.getName(), tier);
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
        return JawaTiers.unavailableReason(tier);
    }
}
