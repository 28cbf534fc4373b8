package dev.jawa.types;

/**
 * The type of a struct field or array element: a value type, or a packed integer type that is
 * only storable, never on the operand stack.
 */
public sealed interface StorageType permits ValType, PackedType {

    /** The text-format spelling, e.g. {@code i32}, {@code (ref null $t)} rendered with indices. */
    String text();
}
