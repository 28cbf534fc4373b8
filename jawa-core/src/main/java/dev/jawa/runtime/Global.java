package dev.jawa.runtime;

import dev.jawa.types.GlobalType;
import dev.jawa.validate.ValidatedModule;

/**
 * A global instance. Numbers are held as raw bits in {@link #bits} (i32 as a sign-extended int,
 * f32/f64 as their raw IEEE bits); references and v128 values (a {@link V128}) in {@link #ref}.
 * The interpreter reads and writes the fields directly.
 */
public final class Global {

    private final GlobalType type;
    private final ValidatedModule owner;
    /** The value of a numeric global, as raw bits. */
    public long bits;
    /** The value of a reference or v128 global. */
    public Object ref;

    public Global(GlobalType type, ValidatedModule owner) {
        this.type = type;
        this.owner = owner;
    }

    public GlobalType type() {
        return type;
    }

    /** The module whose type indices {@link #type()} uses, or null. */
    public ValidatedModule owner() {
        return owner;
    }
}
