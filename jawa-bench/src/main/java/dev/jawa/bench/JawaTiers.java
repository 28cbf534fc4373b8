package dev.jawa.bench;

import dev.jawa.Engine;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Jawa's execution tiers as the benchmarks name them ({@code interp}, {@code jit}, {@code auto}),
 * and an {@link Engine} for each tier that exists.
 *
 * <p>Only the interpreter exists on this branch. The compiler tier is being built elsewhere: it
 * is to add an enum {@code dev.jawa.Tier} with constants {@code INTERP}, {@code JIT} and {@code
 * AUTO}, and an {@code Engine(Tier)} constructor. Until it lands, this class looks them up
 * reflectively, so that the comparison and the microbenchmarks pick up the new tiers the moment
 * they exist, and report them as not measured (never with a made-up number) while they do not.
 * Once the tier enum is on main, replace the lookup with plain calls.
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
     * Why a tier cannot run, if it cannot.
     *
     * @param tier one of {@link #ALL}
     * @return the reason, or empty when {@link #engine(String)} works for it
     */
    public static Optional<String> unavailableReason(String tier) {
        if (!ALL.contains(tier)) {
            return Optional.of("unknown Jawa tier " + tier + " (known: " + String.join(", ", ALL) + ")");
        }
        if (tier.equals("interp")) {
            return Optional.empty();
        }
        try {
            tierConstant(tierConstructor(), tier);
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            return Optional.of("Jawa has no " + tier + " tier yet (only the interpreter exists)");
        }
    }

    /**
     * An engine that runs code on a tier.
     *
     * @param tier one of {@link #ALL}
     * @return the engine
     * @throws IllegalArgumentException when the tier does not exist (see {@link #unavailableReason})
     */
    public static Engine engine(String tier) {
        unavailableReason(tier).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        if (tier.equals("interp")) {
            return new Engine();
        }
        try {
            Constructor<?> constructor = tierConstructor();
            return (Engine) constructor.newInstance(tierConstant(constructor, tier));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make a Jawa engine for tier " + tier + ": " + e, e);
        }
    }

    private static Constructor<?> tierConstructor() throws ReflectiveOperationException {
        return Engine.class.getConstructor(Class.forName("dev.jawa.Tier"));
    }

    private static Object tierConstant(Constructor<?> constructor, String tier) throws ReflectiveOperationException {
        return constructor.getParameterTypes()[0].getField(tier.toUpperCase(Locale.ROOT)).get(null);
    }
}
