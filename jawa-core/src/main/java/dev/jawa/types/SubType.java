package dev.jawa.types;

import java.util.List;

/**
 * A defined type with its subtyping declaration: whether it is final, and the indices of its
 * declared supertypes (at most one in WebAssembly 3.0, but the binary format allows a vector).
 *
 * <p>A plain {@code (type (func ...))} is a final subtype with no supertypes.
 */
public record SubType(boolean isFinal, List<Integer> supertypes, CompositeType composite) {

    public SubType {
        supertypes = List.copyOf(supertypes);
        if (composite == null) {
            throw new IllegalArgumentException("composite type is null");
        }
    }

    /** A final type with no declared supertype: the common, pre-GC case. */
    public static SubType plain(CompositeType composite) {
        return new SubType(true, List.of(), composite);
    }

    /** Whether this is written without {@code sub}: final and with no supertypes. */
    public boolean isPlain() {
        return isFinal && supertypes.isEmpty();
    }
}
