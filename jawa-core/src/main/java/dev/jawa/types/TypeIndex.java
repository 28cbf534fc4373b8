package dev.jawa.types;

/**
 * A heap type defined in the module's type section, by its index.
 *
 * <p>Indices are module-relative; cross-module identity (iso-recursive canonicalization) is the
 * validator's business, not the model's.
 */
public record TypeIndex(int index) implements HeapType {

    private static final TypeIndex[] SMALL = new TypeIndex[256];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new TypeIndex(i);
        }
    }

    public TypeIndex {
        if (index < 0) {
            throw new IllegalArgumentException("negative type index " + index);
        }
    }

    /** The heap type for type index {@code index}, shared for small indices. */
    public static TypeIndex of(int index) {
        return index < SMALL.length ? SMALL[index] : new TypeIndex(index);
    }

    @Override
    public String text() {
        return Integer.toString(index);
    }
}
