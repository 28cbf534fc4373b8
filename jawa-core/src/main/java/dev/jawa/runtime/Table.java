package dev.jawa.runtime;

import dev.jawa.types.AddressType;
import dev.jawa.types.Limits;
import dev.jawa.types.RefType;
import dev.jawa.types.TableType;
import dev.jawa.validate.ValidatedModule;
import java.util.Arrays;

/**
 * A table instance: references in an {@code Object[]} (null is the null reference; a funcref is a
 * {@link FunctionInstance}). {@link #owner()} is the module whose type indices the element type
 * uses (null for host tables with abstract element types).
 */
public final class Table {

    /** The most elements a table can hold (a Java array's limit). */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final AddressType addressType;
    private final RefType elementType;
    private final ValidatedModule owner;
    private final long max;
    private final boolean hasMax;
    private Object[] elements;
    private int size;

    /** A table of {@code type}'s minimum size, every element {@code init}. */
    public Table(TableType type, ValidatedModule owner, Object init) {
        Limits l = type.limits();
        if (Long.compareUnsigned(l.min(), MAX_ELEMENTS) > 0) {
            throw new dev.jawa.Trap("out of memory: table of " + Long.toUnsignedString(l.min()) + " elements");
        }
        this.addressType = type.addressType();
        this.elementType = type.elementType();
        this.owner = owner;
        this.hasMax = l.hasMax();
        this.max = l.hasMax() ? l.max() : -1L;
        this.size = (int) l.min();
        this.elements = new Object[size];
        if (init != null) {
            Arrays.fill(elements, init);
        }
    }

    /** The table's current type (its current size as the minimum). */
    public TableType type() {
        return new TableType(addressType, new Limits(size, hasMax ? max : 0, hasMax), elementType);
    }

    /** The module whose type indices {@link #type()} uses, or null. */
    public ValidatedModule owner() {
        return owner;
    }

    public int size() {
        return size;
    }

    /** Element {@code i} (unsigned), or the trap "out of bounds table access". */
    public Object get(long i) {
        if (Long.compareUnsigned(i, size) >= 0) {
            throw Traps.tableOutOfBounds();
        }
        return elements[(int) i];
    }

    /** Element {@code i} without the spec's trap: for call_indirect, which has its own message. */
    public Object getOrMissing(long i, Object missing) {
        return Long.compareUnsigned(i, size) >= 0 ? missing : elements[(int) i];
    }

    public void set(long i, Object v) {
        if (Long.compareUnsigned(i, size) >= 0) {
            throw Traps.tableOutOfBounds();
        }
        elements[(int) i] = v;
    }

    /** Grows by {@code delta} (unsigned) elements set to {@code init}; returns the old size or -1. */
    public long grow(long delta, Object init) {
        int old = size;
        long limit = hasMax ? max : (addressType == AddressType.I64 ? Long.MAX_VALUE : 0xFFFF_FFFFL);
        if (Long.compareUnsigned(limit, MAX_ELEMENTS) > 0) {
            limit = MAX_ELEMENTS;
        }
        if (Long.compareUnsigned(delta, limit - old) > 0) {
            return -1;
        }
        int n = old + (int) delta;
        if (n > elements.length) {
            int capacity = (int) Math.min(MAX_ELEMENTS, Math.max(n, elements.length * 2L));
            elements = Arrays.copyOf(elements, capacity);
        }
        Arrays.fill(elements, old, n, init);
        size = n;
        return old;
    }

    /** {@code table.fill}. */
    public void fill(long i, Object v, long n) {
        if (Long.compareUnsigned(i, size) > 0 || Long.compareUnsigned(n, size - i) > 0) {
            throw Traps.tableOutOfBounds();
        }
        Arrays.fill(elements, (int) i, (int) (i + n), v);
    }

    /** {@code table.copy} from {@code src} at {@code s} to this table at {@code d}. */
    public void copyFrom(Table src, long s, long d, long n) {
        if (Long.compareUnsigned(s, src.size) > 0 || Long.compareUnsigned(n, src.size - s) > 0
                || Long.compareUnsigned(d, size) > 0 || Long.compareUnsigned(n, size - d) > 0) {
            throw Traps.tableOutOfBounds();
        }
        System.arraycopy(src.elements, (int) s, elements, (int) d, (int) n);
    }

    /** {@code table.init} from a segment's references. */
    public void init(Object[] segment, long s, long d, long n) {
        if (Long.compareUnsigned(s, segment.length) > 0 || Long.compareUnsigned(n, segment.length - s) > 0
                || Long.compareUnsigned(d, size) > 0 || Long.compareUnsigned(n, size - d) > 0) {
            throw Traps.tableOutOfBounds();
        }
        System.arraycopy(segment, (int) s, elements, (int) d, (int) n);
    }

    /** Whether the table uses 64-bit indices. */
    public boolean is64() {
        return addressType == AddressType.I64;
    }
}
