package dev.jawa.binary;

import dev.jawa.module.Module;

/** Encodes a {@link Module} in the binary format, canonically. */
public final class BinaryEncoder {

    private BinaryEncoder() {
    }

    /** The module's canonical binary encoding (with a name section if it has names). */
    public static byte[] encode(Module module) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
