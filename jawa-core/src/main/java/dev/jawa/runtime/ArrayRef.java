package dev.jawa.runtime;

import dev.jawa.validate.DefinedType;

/**
 * An array instance: its canonical type and its elements, numeric ones (packed ones truncated) as
 * raw bits in {@link #bits}, or reference and v128 ones in {@link #refs} (the other is null).
 */
public final class ArrayRef {

    public final DefinedType type;
    public final long[] bits;
    public final Object[] refs;

    public ArrayRef(DefinedType type, long[] bits, Object[] refs) {
        this.type = type;
        this.bits = bits;
        this.refs = refs;
    }

    public int length() {
        return bits != null ? bits.length : refs.length;
    }
}
