package dev.jawa.validate;

/**
 * The validator's compact encoding of value and storage types as ints, so that the operand
 * stack is an {@code int[]} and type equality is {@code ==}.
 *
 * <ul>
 *   <li>{@link #BOT}: the unknown type of a value popped from a polymorphic (unreachable) stack;
 *       it matches every type;</li>
 *   <li>{@link #I32} .. {@link #V128}: the numeric and vector types; {@link #I8}, {@link #I16}: the
 *       packed storage types (fields only, never on the stack);</li>
 *   <li>a reference type: {@link #REF}, plus {@link #NULLABLE} if null is a value, plus a heap code
 *       in the low bits: {@link #H_ANY} .. {@link #H_BOT} for the abstract heap types, or
 *       {@link #DEF_BASE} + i for the defined type with module type index i, where i is the
 *       <em>representative</em> index: the first index in the module whose canonical type is the
 *       same. So two references to equivalent defined types have equal codes.</li>
 * </ul>
 */
final class TypeCodes {

    static final int BOT = 0;
    static final int I32 = 1;
    static final int I64 = 2;
    static final int F32 = 3;
    static final int F64 = 4;
    static final int V128 = 5;
    static final int I8 = 6;
    static final int I16 = 7;

    static final int REF = 0x4000_0000;
    static final int NULLABLE = 0x2000_0000;
    static final int HEAP_MASK = 0x0FFF_FFFF;

    static final int H_ANY = 0;
    static final int H_EQ = 1;
    static final int H_I31 = 2;
    static final int H_STRUCT = 3;
    static final int H_ARRAY = 4;
    static final int H_NONE = 5;
    static final int H_FUNC = 6;
    static final int H_NOFUNC = 7;
    static final int H_EXN = 8;
    static final int H_NOEXN = 9;
    static final int H_EXTERN = 10;
    static final int H_NOEXTERN = 11;
    /** The bottom heap type: only from ref.as_non_null and friends on a polymorphic stack. */
    static final int H_BOT = 12;
    /** Heap codes from here on are defined types: {@code DEF_BASE + representative index}. */
    static final int DEF_BASE = 16;

    static final int FUNCREF = REF | NULLABLE | H_FUNC;
    static final int EXNREF = REF | NULLABLE | H_EXN;
    static final int EXTERNREF = REF | NULLABLE | H_EXTERN;
    static final int ANYREF = REF | NULLABLE | H_ANY;
    static final int EQREF = REF | NULLABLE | H_EQ;
    static final int I31REF = REF | NULLABLE | H_I31;
    static final int ARRAYREF = REF | NULLABLE | H_ARRAY;
    /** {@code (ref exn)}, pushed by catch_ref and catch_all_ref. */
    static final int EXN_NON_NULL = REF | H_EXN;

    private TypeCodes() {
    }

    static boolean isRef(int t) {
        return (t & REF) != 0;
    }

    static boolean isNum(int t) {
        return t >= I32 && t <= F64;
    }

    static boolean isNullable(int t) {
        return (t & NULLABLE) != 0;
    }

    static int heap(int t) {
        return t & HEAP_MASK;
    }

    static int ref(boolean nullable, int heap) {
        return REF | (nullable ? NULLABLE : 0) | heap;
    }

    static boolean isDefinedHeap(int heap) {
        return heap >= DEF_BASE;
    }

    /** Whether a local or field of this type has a default value (everything but non-null refs). */
    static boolean isDefaultable(int t) {
        return !isRef(t) || isNullable(t);
    }

    /** The value type a storage type is read as: packed types widen to i32. */
    static int unpack(int storage) {
        return storage == I8 || storage == I16 ? I32 : storage;
    }

    /** The text form, for messages; defined types print as their module type index. */
    static String name(int t) {
        switch (t) {
            case BOT: return "_";
            case I32: return "i32";
            case I64: return "i64";
            case F32: return "f32";
            case F64: return "f64";
            case V128: return "v128";
            case I8: return "i8";
            case I16: return "i16";
            default: break;
        }
        String h = heapName(heap(t));
        return isNullable(t) ? "(ref null " + h + ")" : "(ref " + h + ")";
    }

    static String heapName(int h) {
        return switch (h) {
            case H_ANY -> "any";
            case H_EQ -> "eq";
            case H_I31 -> "i31";
            case H_STRUCT -> "struct";
            case H_ARRAY -> "array";
            case H_NONE -> "none";
            case H_FUNC -> "func";
            case H_NOFUNC -> "nofunc";
            case H_EXN -> "exn";
            case H_NOEXN -> "noexn";
            case H_EXTERN -> "extern";
            case H_NOEXTERN -> "noextern";
            case H_BOT -> "bot";
            default -> Integer.toString(h - DEF_BASE);
        };
    }

    /** A bracketed list of type names, for messages. */
    static String names(int[] ts, int from, int to) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(name(ts[i]));
        }
        return sb.append(']').toString();
    }
}
