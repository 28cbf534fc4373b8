package dev.jawa.types;

/** A linear memory's type: its limits in 64 KiB pages, address type, and whether it is shared. */
public record MemoryType(AddressType addressType, Limits limits, boolean shared) {

    public MemoryType {
        if (addressType == null || limits == null) {
            throw new IllegalArgumentException("address type and limits are required");
        }
    }
}
