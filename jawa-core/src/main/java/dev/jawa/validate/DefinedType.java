package dev.jawa.validate;

import dev.jawa.types.ArrayType;
import dev.jawa.types.CompositeType;
import dev.jawa.types.FuncType;
import dev.jawa.types.SubType;
import java.util.Arrays;
import java.util.List;

/**
 * The engine-wide identity of a defined type: one object per distinct type, after
 * iso-recursive canonicalization. Two type definitions, in the same module or in different
 * modules, denote the same type exactly when they are the same {@code DefinedType} object, so
 * type equivalence is {@code ==} (or equal {@link #id()}s).
 *
 * <p>Objects come from {@link TypeRegistry}, which hash-conses whole recursion groups: a
 * {@code DefinedType} is the projection {@link #projection()} of its group {@link #recGroup()}.
 * Subtyping between defined types follows the declared supertype chain, which is itself made of
 * canonical identities, so {@link #isSubtypeOf(DefinedType)} works across modules (imports,
 * {@code call_indirect}, casts at run time).
 */
public final class DefinedType {

    /** What the type describes. */
    public enum Kind {
        FUNC, STRUCT, ARRAY
    }

    private final int id;
    private final int projection;
    private final Kind kind;
    private final boolean isFinal;
    private final SubType subType;
    private final DefinedType[] context;
    private DefinedType[] group;
    private DefinedType supertype;
    private int depth;

    DefinedType(int id, int projection, SubType subType, DefinedType[] context) {
        this.id = id;
        this.projection = projection;
        this.subType = subType;
        this.context = context;
        this.isFinal = subType.isFinal();
        CompositeType c = subType.composite();
        this.kind = c instanceof FuncType ? Kind.FUNC : c instanceof ArrayType ? Kind.ARRAY : Kind.STRUCT;
    }

    /** Completes construction (the registry links a group's members before publishing them). */
    void link(DefinedType[] group, DefinedType supertype) {
        this.group = group;
        this.supertype = supertype;
        this.depth = supertype == null ? 0 : supertype.depth + 1;
    }

    /** A number unique to this type in this JVM, stable for its lifetime; equal ids, same type. */
    public int id() {
        return id;
    }

    /** The position of this type in its recursion group. */
    public int projection() {
        return projection;
    }

    /** The members of this type's recursion group, in order (this one among them). */
    public List<DefinedType> recGroup() {
        return Arrays.asList(group.clone());
    }

    /** Whether this is a function, struct or array type. */
    public Kind kind() {
        return kind;
    }

    /** Whether no type may declare this one as its supertype. */
    public boolean isFinal() {
        return isFinal;
    }

    /** The declared supertype, or null. */
    public DefinedType supertype() {
        return supertype;
    }

    /** The length of the declared supertype chain above this type. */
    public int depth() {
        return depth;
    }

    /**
     * Whether this type is {@code other} or declares it (transitively) as a supertype: the
     * subtyping rule for defined types. Costs at most the difference of the two depths.
     */
    public boolean isSubtypeOf(DefinedType other) {
        int d = depth - other.depth;
        if (d < 0) {
            return false;
        }
        DefinedType t = this;
        while (d-- > 0) {
            t = t.supertype;
        }
        return t == other;
    }

    /**
     * The type's definition as written by the first module that defined it: its type indices
     * are relative to that module and are resolved by {@link #resolve(int)}.
     */
    public SubType subType() {
        return subType;
    }

    /** The canonical type that type index {@code typeIndex} of {@link #subType()} denotes. */
    public DefinedType resolve(int typeIndex) {
        return context[typeIndex];
    }

    @Override
    public String toString() {
        return "DefinedType#" + id + "[" + kind + (isFinal ? "" : ", open")
                + (supertype == null ? "" : ", super #" + supertype.id) + "]";
    }
}
