package dev.jawa.module;

import dev.jawa.types.ValType;

/** The type of a block, loop, if or try_table: empty, one result, or a function type index. */
public sealed interface BlockType {

    /** {@code []} -> {@code []}. */
    Empty EMPTY = new Empty();

    /** No parameters and no results. */
    record Empty() implements BlockType {
    }

    /** No parameters and one result. */
    record Value(ValType type) implements BlockType {
    }

    /** The parameters and results of function type {@code typeIndex}. */
    record Func(int typeIndex) implements BlockType {
    }
}
