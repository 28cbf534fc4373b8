package dev.jawa;

/** How an {@link Engine} runs WebAssembly code. */
public enum Tier {
    /** The interpreter alone. */
    INTERP,
    /** Every function compiled to JVM bytecode first (the compiler tier, {@code dev.jawa.jit}). */
    JIT,
    /**
     * The interpreter first, then the compiler for what gets hot: functions called often, and
     * long loops (moved to compiled code while they run). Functions the compiler cannot handle
     * stay in the interpreter.
     */
    AUTO;

    /** The tier named {@code name} ("interp", "jit" or "auto", any case). */
    public static Tier parse(String name) {
        for (Tier t : values()) {
            if (t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier '" + name + "' (interp, jit or auto)");
    }

    /** A new execution tier object for this choice. */
    public dev.jawa.runtime.ExecutionTier create(int maxCallDepth) {
        return switch (this) {
            case JIT -> new dev.jawa.jit.JitTier();
            case AUTO -> new dev.jawa.jit.TieredTier(maxCallDepth);
            case INTERP -> new dev.jawa.interp.Interpreter(maxCallDepth);
        };
    }
}
