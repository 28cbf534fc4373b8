package dev.jawa.module;

import dev.jawa.types.ValType;

/**
 * A run of {@code count} locals of one type, as the binary format declares them. Kept as runs so
 * that a module re-encodes to the same bytes and a declaration of 2^31 locals costs one object.
 */
public record LocalGroup(long count, ValType type) {

    public LocalGroup {
        if (count < 0 || count > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("local count out of range: " + count);
        }
        if (type == null) {
            throw new IllegalArgumentException("local type is null");
        }
    }
}
