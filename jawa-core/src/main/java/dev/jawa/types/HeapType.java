package dev.jawa.types;

/**
 * What a reference points to: one of the abstract heap types, or a type defined in the module
 * (by index into its type section).
 */
public sealed interface HeapType permits AbsHeapType, TypeIndex {

    /** The text-format spelling: a keyword such as {@code func}, or the type's index. */
    String text();
}
