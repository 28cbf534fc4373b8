package dev.jawa.validate;

import static dev.jawa.validate.TypeCodes.*;

import dev.jawa.InvalidModuleException;
import dev.jawa.module.Module;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.ArrayType;
import dev.jawa.types.CompositeType;
import dev.jawa.types.FieldType;
import dev.jawa.types.FuncType;
import dev.jawa.types.HeapType;
import dev.jawa.types.NumType;
import dev.jawa.types.PackedType;
import dev.jawa.types.RecType;
import dev.jawa.types.RefType;
import dev.jawa.types.StorageType;
import dev.jawa.types.StructType;
import dev.jawa.types.SubType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;
import dev.jawa.types.VecType;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * A module's type section, validated and turned into the validator's int form: canonical
 * identities, representative indices (see {@link TypeCodes}), the int-coded signatures of
 * function types and fields of struct and array types, and the subtyping relation over
 * {@link TypeCodes} values.
 */
final class ModuleTypes {

    static final int KIND_FUNC = 0;
    static final int KIND_STRUCT = 1;
    static final int KIND_ARRAY = 2;

    private static final int[] NONE = new int[0];

    final DefinedType[] canon;
    /** The first type index with the same canonical type. */
    final int[] rep;
    final int[] kind;
    /** Function types: parameter codes; struct and array types: field storage codes. */
    final int[][] params;
    /** Function types: result codes. */
    final int[][] results;
    /** Struct and array types: field mutability. */
    final boolean[][] mutable;
    private final int count;

    /** Validates the type section of {@code m} (rules Rectype_ok, Subtype_ok). */
    ModuleTypes(Module m) {
        count = m.typeCount();
        if (count > HEAP_MASK - DEF_BASE) {
            throw new InvalidModuleException("too many types");
        }
        canon = new DefinedType[count];
        rep = new int[count];
        kind = new int[count];
        params = new int[count][];
        results = new int[count][];
        mutable = new boolean[count][];
        IdentityHashMap<DefinedType, Integer> firstIndex = new IdentityHashMap<>();
        int start = 0;
        for (RecType group : m.recTypes()) {
            List<SubType> subs = group.types();
            int end = start + subs.size();
            for (int i = start; i < end; i++) {
                checkIndices(subs.get(i - start), i, end);
            }
            TypeRegistry.intern(group, start, canon);
            for (int i = start; i < end; i++) {
                Integer first = firstIndex.putIfAbsent(canon[i], i);
                rep[i] = first == null ? i : first;
            }
            for (int i = start; i < end; i++) {
                convert(i, subs.get(i - start).composite());
            }
            for (int i = start; i < end; i++) {
                checkSupertype(i, subs.get(i - start));
            }
            start = end;
        }
    }

    int count() {
        return count;
    }

    /** Checks that every type index in {@code s} (the type at {@code self}) is defined by {@code end}. */
    private static void checkIndices(SubType s, int self, int end) {
        if (s.supertypes().size() > 1) {
            throw new InvalidModuleException("sub type " + self + " has multiple supertypes");
        }
        for (int x : s.supertypes()) {
            if (x < 0 || x >= end) {
                throw new InvalidModuleException("unknown type " + x);
            }
            if (x >= self) {
                throw new InvalidModuleException("sub type " + self + " has forward supertype " + x);
            }
        }
        switch (s.composite()) {
            case FuncType f -> {
                for (ValType t : f.params()) {
                    checkIndex(t, end);
                }
                for (ValType t : f.results()) {
                    checkIndex(t, end);
                }
            }
            case StructType st -> {
                for (FieldType ft : st.fields()) {
                    checkIndex(ft.storage(), end);
                }
            }
            case ArrayType a -> checkIndex(a.element().storage(), end);
        }
    }

    private static void checkIndex(StorageType t, int end) {
        if (t instanceof RefType r && r.heapType() instanceof TypeIndex ti && ti.index() >= end) {
            throw new InvalidModuleException("unknown type " + ti.index());
        }
    }

    private void convert(int i, CompositeType c) {
        switch (c) {
            case FuncType f -> {
                kind[i] = KIND_FUNC;
                params[i] = codes(f.params());
                results[i] = codes(f.results());
            }
            case StructType st -> {
                kind[i] = KIND_STRUCT;
                int n = st.fields().size();
                int[] fs = new int[n];
                boolean[] mut = new boolean[n];
                for (int k = 0; k < n; k++) {
                    FieldType ft = st.fields().get(k);
                    fs[k] = storageCode(ft.storage());
                    mut[k] = ft.mutable();
                }
                params[i] = fs;
                results[i] = NONE;
                mutable[i] = mut;
            }
            case ArrayType a -> {
                kind[i] = KIND_ARRAY;
                params[i] = new int[] {storageCode(a.element().storage())};
                results[i] = NONE;
                mutable[i] = new boolean[] {a.element().mutable()};
            }
        }
    }

    private int[] codes(List<ValType> ts) {
        if (ts.isEmpty()) {
            return NONE;
        }
        int[] out = new int[ts.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = valType(ts.get(k));
        }
        return out;
    }

    private int storageCode(StorageType t) {
        if (t instanceof PackedType p) {
            return p == PackedType.I8 ? I8 : I16;
        }
        return valType((ValType) t);
    }

    /** Subtype_ok: the declared supertype is not final and this type's structure matches it. */
    private void checkSupertype(int i, SubType s) {
        if (s.supertypes().isEmpty()) {
            return;
        }
        int x = s.supertypes().get(0);
        if (canon[x].isFinal() || kind[x] != kind[i] || !compositeMatches(i, x)) {
            throw new InvalidModuleException("sub type " + i + " does not match super type " + x);
        }
    }

    /** Comptype_sub: whether the composite type of {@code a} matches that of {@code b}. */
    private boolean compositeMatches(int a, int b) {
        switch (kind[a]) {
            case KIND_FUNC -> {
                return resultsMatch(params[b], params[a]) && resultsMatch(results[a], results[b]);
            }
            case KIND_STRUCT -> {
                int[] fa = params[a];
                int[] fb = params[b];
                if (fa.length < fb.length) {
                    return false;
                }
                for (int k = 0; k < fb.length; k++) {
                    if (!fieldMatches(fa[k], mutable[a][k], fb[k], mutable[b][k])) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return fieldMatches(params[a][0], mutable[a][0], params[b][0], mutable[b][0]);
            }
        }
    }

    private boolean fieldMatches(int sa, boolean ma, int sb, boolean mb) {
        if (ma != mb) {
            return false;
        }
        return ma ? sa == sb : storageMatches(sa, sb);
    }

    /** Whether storage type {@code a} matches {@code b} (packed types match only themselves). */
    boolean storageMatches(int a, int b) {
        if (a == I8 || a == I16 || b == I8 || b == I16) {
            return a == b;
        }
        return matches(a, b);
    }

    /** Pointwise subtyping of result types of equal length. */
    boolean resultsMatch(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int k = 0; k < a.length; k++) {
            if (!matches(a[k], b[k])) {
                return false;
            }
        }
        return true;
    }

    // ---- conversion from the model -------------------------------------------------------

    /** The code of value type {@code t}; "unknown type" if it names an undefined type. */
    int valType(ValType t) {
        return switch (t) {
            case NumType n -> I32 + n.ordinal();
            case VecType v -> V128;
            case RefType r -> ref(r.nullable(), heapCode(r.heapType()));
        };
    }

    /** The heap code of {@code h}; "unknown type" if it names an undefined type. */
    int heapCode(HeapType h) {
        return switch (h) {
            case AbsHeapType a -> absHeapCode(a);
            case TypeIndex ti -> DEF_BASE + rep[typeIndex(ti.index())];
        };
    }

    /** Checks that {@code x} is a defined type index and returns it. */
    int typeIndex(int x) {
        if (x < 0 || x >= count) {
            throw new InvalidModuleException("unknown type " + Integer.toUnsignedString(x));
        }
        return x;
    }

    static int absHeapCode(AbsHeapType a) {
        return switch (a) {
            case ANY -> H_ANY;
            case EQ -> H_EQ;
            case I31 -> H_I31;
            case STRUCT -> H_STRUCT;
            case ARRAY -> H_ARRAY;
            case NONE -> H_NONE;
            case FUNC -> H_FUNC;
            case NOFUNC -> H_NOFUNC;
            case EXN -> H_EXN;
            case NOEXN -> H_NOEXN;
            case EXTERN -> H_EXTERN;
            case NOEXTERN -> H_NOEXTERN;
        };
    }

    // ---- subtyping ------------------------------------------------------------------------

    /** Valtype_sub: whether {@code a} matches {@code b}. */
    boolean matches(int a, int b) {
        if (a == b || a == BOT) {
            return true;
        }
        if ((a & b & REF) == 0) {
            return false;
        }
        if ((a & NULLABLE) != 0 && (b & NULLABLE) == 0) {
            return false;
        }
        return heapMatches(a & HEAP_MASK, b & HEAP_MASK);
    }

    /** Heaptype_sub: whether heap code {@code a} matches {@code b}. */
    boolean heapMatches(int a, int b) {
        if (a == b || a == H_BOT) {
            return true;
        }
        if (b >= DEF_BASE) {
            if (a >= DEF_BASE) {
                return canon[a - DEF_BASE].isSubtypeOf(canon[b - DEF_BASE]);
            }
            return bottomMatchesDefined(a, kind[b - DEF_BASE]);
        }
        return matchesAbstract(a, a >= DEF_BASE ? kind[a - DEF_BASE] : -1, b);
    }

    /** Whether abstract heap code {@code a} matches a defined type of kind {@code kindB}. */
    static boolean bottomMatchesDefined(int a, int kindB) {
        return a == H_BOT || a == (kindB == KIND_FUNC ? H_NOFUNC : H_NONE);
    }

    /**
     * Whether heap code {@code a} matches abstract heap code {@code b}; {@code kindA} is the kind
     * of {@code a} when it is a defined type, else -1.
     */
    static boolean matchesAbstract(int a, int kindA, int b) {
        if (a == b || a == H_BOT) {
            return true;
        }
        return switch (b) {
            case H_ANY -> a <= H_NONE || kindA == KIND_STRUCT || kindA == KIND_ARRAY;
            case H_EQ -> a == H_I31 || a == H_STRUCT || a == H_ARRAY || a == H_NONE
                    || kindA == KIND_STRUCT || kindA == KIND_ARRAY;
            case H_I31 -> a == H_NONE;
            case H_STRUCT -> a == H_NONE || kindA == KIND_STRUCT;
            case H_ARRAY -> a == H_NONE || kindA == KIND_ARRAY;
            case H_FUNC -> a == H_NOFUNC || kindA == KIND_FUNC;
            case H_EXN -> a == H_NOEXN;
            case H_EXTERN -> a == H_NOEXTERN;
            default -> false;
        };
    }

    /** The top of the hierarchy heap code {@code h} belongs to: any, func, exn or extern. */
    int topHeap(int h) {
        if (h >= DEF_BASE) {
            return kind[h - DEF_BASE] == KIND_FUNC ? H_FUNC : H_ANY;
        }
        return switch (h) {
            case H_FUNC, H_NOFUNC -> H_FUNC;
            case H_EXN, H_NOEXN -> H_EXN;
            case H_EXTERN, H_NOEXTERN -> H_EXTERN;
            default -> H_ANY;
        };
    }

    /** The bottom of the hierarchy heap code {@code h} belongs to. */
    int bottomHeap(int h) {
        return switch (topHeap(h)) {
            case H_FUNC -> H_NOFUNC;
            case H_EXN -> H_NOEXN;
            case H_EXTERN -> H_NOEXTERN;
            default -> H_NONE;
        };
    }

    /** Whether type index {@code x} (checked) is a function type. */
    boolean isFunc(int x) {
        return kind[x] == KIND_FUNC;
    }
}
