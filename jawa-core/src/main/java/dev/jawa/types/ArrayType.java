package dev.jawa.types;

/** A GC array: one element type. */
public record ArrayType(FieldType element) implements CompositeType {

    public ArrayType {
        if (element == null) {
            throw new IllegalArgumentException("element type is null");
        }
    }
}
