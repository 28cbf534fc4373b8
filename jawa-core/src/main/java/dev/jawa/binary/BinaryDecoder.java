package dev.jawa.binary;

import dev.jawa.MalformedModuleException;
import dev.jawa.module.Module;

/** Decodes the binary format into a {@link Module}. */
public final class BinaryDecoder {

    private BinaryDecoder() {
    }

    /**
     * Decodes a binary module.
     *
     * @throws MalformedModuleException if the bytes do not follow the binary format
     */
    public static Module decode(byte[] bytes) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
