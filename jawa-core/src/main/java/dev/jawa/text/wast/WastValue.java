package dev.jawa.text.wast;

/** A constant in a script: an argument of an invocation, or an exact expected result. */
public sealed interface WastValue {

    /** {@code (i32.const n)}. */
    record I32(int value) implements WastValue {
    }

    /** {@code (i64.const n)}. */
    record I64(long value) implements WastValue {
    }

    /** {@code (f32.const z)}, as its bits. */
    record F32(int bits) implements WastValue {
    }

    /** {@code (f64.const z)}, as its bits. */
    record F64(long bits) implements WastValue {
    }

    /** {@code (v128.const shape lanes...)}, as its 16 bytes (little-endian halves). */
    record V128(long low, long high) implements WastValue {
    }

    /** {@code (ref.null ht)}: {@code heapType} is the keyword or index text as written. */
    record RefNull(String heapType) implements WastValue {
    }

    /** {@code (ref.extern n)}: a host reference the script names by number. */
    record RefExtern(long n) implements WastValue {
    }

    /** {@code (ref.host n)}: a host reference (older scripts). */
    record RefHost(long n) implements WastValue {
    }
}
