package dev.jawa.types;

/** The type of a struct field or array element: its storage type and whether it is mutable. */
public record FieldType(StorageType storage, boolean mutable) {

    public FieldType {
        if (storage == null) {
            throw new IllegalArgumentException("storage type is null");
        }
    }
}
