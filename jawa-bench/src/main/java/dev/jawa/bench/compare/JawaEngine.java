package dev.jawa.bench.compare;

import java.util.List;
import java.util.Optional;

/**
 * Jawa's own tiers: interp, jit and auto (auto is the baseline of every ratio once it exists).
 *
 * <p>TODO(interpreter task): Jawa cannot execute code yet: there is no public API to instantiate a
 * module and call {@code _start}, and no WASI. When dev.jawa's API lands, add a {@code JawaMain}
 * beside {@link ChicoryMain} (same protocol: program output on stdout, {@link
 * RunOutput#TIME_PREFIX} on stderr, tier as the first argument), make this class a {@link
 * JvmEngine} running it, and drop {@link #unavailableReason()}. Until then the engine reports
 * itself unavailable and is never run: no Jawa number is ever made up. The startup measurement
 * needs a {@code JawaStartupMain} likewise (see {@link ChicoryStartupMain}), returned by
 * {@link #forStartup()}.
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
        return Optional.of("Jawa has no execution tier yet (the interpreter and its public API are being written)");
    }
}
