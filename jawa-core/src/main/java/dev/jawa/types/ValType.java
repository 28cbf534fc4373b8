package dev.jawa.types;

/**
 * A value type: what a local, a global, a parameter or an operand-stack slot holds.
 *
 * <p>Numeric and vector types are enum constants, so comparing them is a reference comparison;
 * reference types are small records.
 */
public sealed interface ValType extends StorageType permits NumType, VecType, RefType {
}
