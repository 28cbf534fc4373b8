package dev.jawa;

/** How an {@link Engine} runs WebAssembly code. */
public enum Tier {
    /** The interpreter alone. */
    INTERP,
    /** Every function compiled to JVM bytecode first (the compiler tier, {@code dev.jawa.jit}). */
    JIT,
    /**
     * The engine's choice. For now this is the interpreter; it becomes interpreter-then-compiler
     * tiering once that exists.
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
        return this == JIT ? new dev.jawa.jit.JitTier() : new dev.jawa.interp.Interpreter(maxCallDepth);
    }
}
