package dev.jawa.module;

/** How an element or data segment is used. */
public enum SegmentMode {
    /** Copied into a table or memory at instantiation. */
    ACTIVE,
    /** Kept for {@code table.init}/{@code memory.init} and array initializers. */
    PASSIVE,
    /** Elements only: declares functions referenced by {@code ref.func}; never copied. */
    DECLARATIVE
}
