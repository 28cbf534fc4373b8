package dev.jawa.types;

/** A table's type: address type, limits in elements, and element reference type. */
public record TableType(AddressType addressType, Limits limits, RefType elementType) {

    public TableType {
        if (addressType == null || limits == null || elementType == null) {
            throw new IllegalArgumentException("address type, limits and element type are required");
        }
    }
}
