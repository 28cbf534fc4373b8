package dev.jawa.runtime;

/**
 * A v128 value: 16 bytes as two little-endian halves. For now the interpreter keeps v128 values
 * as these immutable objects in its reference slots; a later SIMD slice may move them to raw
 * slots.
 */
public record V128(long low, long high) {

    public static final V128 ZERO = new V128(0, 0);
}
