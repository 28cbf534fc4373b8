package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.I31Ref;
import dev.jawa.runtime.Table;
import dev.jawa.runtime.Traps;
import java.lang.constant.ClassDesc;

/**
 * Table and reference operations for compiled code (indices and counts arrive as unsigned longs).
 */
final class JitTables {

    static final ClassDesc CD = ClassDesc.of(JitTables.class.getName());
    static final ClassDesc CD_TABLE = ClassDesc.of(Table.class.getName());
    private static final Object[] NO_ELEMENTS = new Object[0];

    private JitTables() {
    }

    static Object get(long i, Table t) {
        return t.get(i);
    }

    static void set(long i, Object v, Table t) {
        t.set(i, v);
    }

    static long grow(Object init, long delta, Table t) {
        return t.grow(delta, init);
    }

    static void fill(long i, Object v, long n, Table t) {
        t.fill(i, v, n);
    }

    static void copy(long d, long s, long n, Table dst, Table src) {
        dst.copyFrom(src, s, d, n);
    }

    static void init(long d, long s, long n, JitContext ctx, int table, int elem) {
        Object[] seg = ctx.instance.elementSegments()[elem];
        ctx.tables[table].init(seg == null ? NO_ELEMENTS : seg, s, d, n);
    }

    static void elemDrop(JitContext ctx, int elem) {
        ctx.instance.elementSegments()[elem] = null;
    }

    /** ref.eq: identity, except that i31 references compare by value. */
    static boolean refEq(Object a, Object b) {
        return a == b || (a instanceof I31Ref && a.equals(b));
    }

    static Object asNonNull(Object ref) {
        if (ref == null) {
            throw new Trap(Traps.NULL_REFERENCE);
        }
        return ref;
    }
}
