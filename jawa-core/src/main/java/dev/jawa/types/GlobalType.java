package dev.jawa.types;

/** A global's type: its value type and whether it is mutable. */
public record GlobalType(ValType valType, boolean mutable) {

    public GlobalType {
        if (valType == null) {
            throw new IllegalArgumentException("value type is null");
        }
    }
}
