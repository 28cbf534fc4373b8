package dev.jawa.runtime;

import dev.jawa.validate.DefinedType;

/**
 * A struct instance: its canonical type and its fields, numeric ones (packed ones truncated) as
 * raw bits in {@link #bits}, reference and v128 ones in {@link #refs}, both indexed by field.
 */
public final class StructRef {

    public final DefinedType type;
    public final long[] bits;
    public final Object[] refs;

    public StructRef(DefinedType type, int fieldCount) {
        this.type = type;
        this.bits = new long[fieldCount];
        this.refs = new Object[fieldCount];
    }
}
