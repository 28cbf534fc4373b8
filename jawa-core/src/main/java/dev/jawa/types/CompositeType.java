package dev.jawa.types;

/** The shape a defined type describes: a function signature, a struct or an array. */
public sealed interface CompositeType permits FuncType, StructType, ArrayType {
}
