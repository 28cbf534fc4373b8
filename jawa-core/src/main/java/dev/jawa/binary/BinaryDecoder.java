package dev.jawa.binary;

import dev.jawa.MalformedModuleException;
import dev.jawa.module.Module;
import java.util.Objects;

/**
 * Decodes the binary format into a {@link Module}: WebAssembly 3.0 with the threads proposal
 * (shared memories, atomics) and the legacy exception instructions.
 *
 * <p>Decoding checks the binary format only; whether the module is valid is the validator's
 * business. Errors are reported with the wording of the spec's reference interpreter (which the
 * testsuite's {@code assert_malformed} expectations are prefixes of) and the byte offset.
 */
public final class BinaryDecoder {

    private BinaryDecoder() {
    }

    /**
     * Decodes a binary module. Function bodies and constant expressions are kept as their
     * canonical code bytes (a plain copy of the input when it was canonical already).
     *
     * @throws MalformedModuleException if the bytes do not follow the binary format
     */
    public static Module decode(byte[] bytes) {
        return new ModuleDecoding(Objects.requireNonNull(bytes, "bytes")).decode();
    }
}
