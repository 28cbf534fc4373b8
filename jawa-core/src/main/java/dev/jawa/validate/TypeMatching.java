package dev.jawa.validate;

import dev.jawa.types.AbsHeapType;
import dev.jawa.types.HeapType;
import dev.jawa.types.NumType;
import dev.jawa.types.RefType;
import dev.jawa.types.TypeIndex;
import dev.jawa.types.ValType;
import dev.jawa.types.VecType;

/**
 * Subtyping between types written in two different modules (for matching imports against
 * exports when linking): type indices are resolved through each module's canonical types, so
 * equivalent types from different modules match.
 */
public final class TypeMatching {

    private TypeMatching() {
    }

    /** Whether value type {@code a} of module {@code ma} matches {@code b} of module {@code mb}. */
    public static boolean matches(ValType a, ValidatedModule ma, ValType b, ValidatedModule mb) {
        return switch (a) {
            case NumType n -> n == b;
            case VecType v -> v == b;
            case RefType ra -> b instanceof RefType rb && (!ra.nullable() || rb.nullable())
                    && matches(ra.heapType(), ma, rb.heapType(), mb);
        };
    }

    /** Whether two value types are equivalent (match both ways), e.g. for mutable globals. */
    public static boolean equivalent(ValType a, ValidatedModule ma, ValType b, ValidatedModule mb) {
        return matches(a, ma, b, mb) && matches(b, mb, a, ma);
    }

    /** Whether heap type {@code a} of module {@code ma} matches {@code b} of module {@code mb}. */
    public static boolean matches(HeapType a, ValidatedModule ma, HeapType b, ValidatedModule mb) {
        DefinedType da = a instanceof TypeIndex ia ? ma.type(ia.index()) : null;
        DefinedType db = b instanceof TypeIndex ib ? mb.type(ib.index()) : null;
        if (da != null && db != null) {
            return da.isSubtypeOf(db);
        }
        if (db != null) {
            return ModuleTypes.bottomMatchesDefined(ModuleTypes.absHeapCode((AbsHeapType) a), kind(db));
        }
        int codeA = da != null ? TypeCodes.DEF_BASE : ModuleTypes.absHeapCode((AbsHeapType) a);
        return ModuleTypes.matchesAbstract(codeA, da != null ? kind(da) : -1,
                ModuleTypes.absHeapCode((AbsHeapType) b));
    }

    private static int kind(DefinedType t) {
        return switch (t.kind()) {
            case FUNC -> ModuleTypes.KIND_FUNC;
            case STRUCT -> ModuleTypes.KIND_STRUCT;
            case ARRAY -> ModuleTypes.KIND_ARRAY;
        };
    }
}
