package dev.jawa.types;

/** The index type of a memory or table: i32 (classic) or i64 (memory64, table64). */
public enum AddressType {
    I32,
    I64;

    /** The value type of addresses. */
    public NumType valType() {
        return this == I32 ? NumType.I32 : NumType.I64;
    }
}
