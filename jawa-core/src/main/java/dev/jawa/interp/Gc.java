package dev.jawa.interp;

import dev.jawa.Trap;
import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.ArrayRef;
import dev.jawa.runtime.ExceptionInstance;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.I31Ref;
import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.StructRef;
import dev.jawa.runtime.V128;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.ArrayType;
import dev.jawa.types.HeapType;
import dev.jawa.types.NumType;
import dev.jawa.types.PackedType;
import dev.jawa.types.StorageType;
import dev.jawa.types.StructType;
import dev.jawa.types.TypeIndex;
import dev.jawa.validate.DefinedType;
import java.util.Arrays;

/**
 * The GC instructions (structs, arrays, i31, casts, extern conversions), run through
 * {@link Ops#EXT} (and {@link Ops#BR_ON_CAST_OP} for the cast branches); also used by constant
 * expressions. Structs and arrays are {@link StructRef}/{@link ArrayRef} with their canonical
 * {@link DefinedType}, so casts are {@link DefinedType#isSubtypeOf} checks. extern.convert_any and
 * any.convert_extern are identities: a converted value stays the same Java object, which keeps
 * them exact inverses.
 */
public final class Gc {

    private static final Opcode[] OPCODES = Opcode.values();

    private Gc() {
    }

    /** A heap type as one int: a type index (>= 0), or -(ordinal + 1) of an abstract heap type. */
    static int heapCode(HeapType t) {
        return t instanceof TypeIndex i ? i.index() : -(((AbsHeapType) t).ordinal() + 1);
    }

    /** The EXT immediates of a GC instruction, or null if it is not one. */
    static int[] immediates(Opcode op, InstructionReader in) {
        if (op.prefix() != Opcode.PREFIX_GC) {
            return null;
        }
        return switch (op.imm()) {
            case TYPE -> new int[] {in.index()};
            case TYPE_FIELD, TYPE_COUNT, TYPE_DATA, TYPE_ELEM, TYPE_TYPE -> new int[] {in.index(), in.index2()};
            case HEAP_TYPE -> new int[] {op == Opcode.REF_TEST_NULL || op == Opcode.REF_CAST_NULL ? 1 : 0,
                    heapCode(in.heapType())};
            case NONE -> new int[0];
            default -> null; // br_on_cast: translated to BR_ON_CAST_OP
        };
    }

    private static Trap trap(String m) {
        return new Trap(m);
    }

    /** Whether {@code v} is a value of reference type (nullable, heapCode) in {@code inst}. */
    static boolean test(Object v, boolean nullable, int heap, ModuleInstance inst) {
        if (v == null) {
            return nullable;
        }
        if (heap >= 0) {
            DefinedType want = inst.types()[heap];
            DefinedType have = v instanceof StructRef s ? s.type : v instanceof ArrayRef a ? a.type
                    : v instanceof FunctionInstance f ? f.type() : null;
            return have != null && have.isSubtypeOf(want);
        }
        return switch (AbsHeapType.values()[-heap - 1]) {
            case ANY -> !(v instanceof FunctionInstance) && !(v instanceof ExceptionInstance);
            case EQ -> v instanceof I31Ref || v instanceof StructRef || v instanceof ArrayRef;
            case I31 -> v instanceof I31Ref;
            case STRUCT -> v instanceof StructRef;
            case ARRAY -> v instanceof ArrayRef;
            case FUNC -> v instanceof FunctionInstance;
            case EXN -> v instanceof ExceptionInstance;
            case EXTERN -> true;
            default -> false; // the bottom types hold null only
        };
    }

    private static boolean isRef(StorageType t) {
        return !(t instanceof NumType) && !(t instanceof PackedType);
    }

    private static long store(StorageType t, long v) {
        if (t == PackedType.I8) {
            return v & 0xFF;
        }
        if (t == PackedType.I16) {
            return v & 0xFFFF;
        }
        return t == NumType.I32 || t == NumType.F32 ? (int) v : v;
    }

    private static long load(StorageType t, long v, Opcode op) {
        boolean signed = op == Opcode.STRUCT_GET_S || op == Opcode.ARRAY_GET_S;
        if (t == PackedType.I8) {
            return signed ? (byte) v : v & 0xFF;
        }
        if (t == PackedType.I16) {
            return signed ? (short) v : v & 0xFFFF;
        }
        return v;
    }

    private static Object defaultRef(StorageType t) {
        return t == dev.jawa.types.VecType.V128 ? V128.ZERO : null;
    }

    private static int byteSize(StorageType t) {
        if (t instanceof PackedType p) {
            return p.byteSize();
        }
        if (t == NumType.I32 || t == NumType.F32) {
            return 4;
        }
        return t == dev.jawa.types.VecType.V128 ? 16 : 8;
    }

    private static StructRef struct(Object o) {
        if (o == null) {
            throw trap("null structure reference");
        }
        return (StructRef) o;
    }

    private static ArrayRef array(Object o) {
        if (o == null) {
            throw trap("null array reference");
        }
        return (ArrayRef) o;
    }

    private static ArrayRef newArray(DefinedType t, long n) {
        StorageType e = ((ArrayType) t.subType().composite()).element().storage();
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw trap("out of memory: array of " + Long.toUnsignedString(n) + " elements");
        }
        if (isRef(e)) {
            Object[] refs = new Object[(int) n];
            Object d = defaultRef(e);
            if (d != null) {
                Arrays.fill(refs, d);
            }
            return new ArrayRef(t, null, refs);
        }
        return new ArrayRef(t, new long[(int) n], null);
    }

    private static void checkRange(long i, long n, int length) {
        if (Long.compareUnsigned(i, length) > 0 || Long.compareUnsigned(n, length - i) > 0) {
            throw trap("out of bounds array access");
        }
    }

    /** For constant expressions: the instruction's opcode ordinal followed by its immediates. */
    public static int[] constImmediates(Opcode op, InstructionReader in) {
        int[] imm = immediates(op, in);
        if (imm == null) {
            throw new dev.jawa.runtime.UnsupportedInstructionException(op);
        }
        int[] code = new int[imm.length + 1];
        code[0] = op.ordinal();
        System.arraycopy(imm, 0, code, 1, imm.length);
        return code;
    }

    /** For constant expressions: runs {@code code} (from {@link #constImmediates}); returns sp. */
    public static int constExec(ModuleInstance inst, long[] s, Object[] r, int[] code, int sp) {
        return exec(inst, s, r, code, 0, sp);
    }

    /** Runs the GC instruction at {@code code[p]}; returns the new stack pointer. */
    static int exec(ModuleInstance inst, long[] s, Object[] r, int[] code, int p, int sp) {
        Opcode op = OPCODES[code[p]];
        switch (op) {
            case STRUCT_NEW, STRUCT_NEW_DEFAULT -> {
                DefinedType t = inst.types()[code[p + 1]];
                StructType st = (StructType) t.subType().composite();
                int n = st.fields().size();
                StructRef v = new StructRef(t, n);
                boolean dflt = op == Opcode.STRUCT_NEW_DEFAULT;
                int base = dflt ? sp : sp - n;
                for (int i = 0; i < n; i++) {
                    StorageType f = st.fields().get(i).storage();
                    if (isRef(f)) {
                        v.refs[i] = dflt ? defaultRef(f) : r[base + i];
                    } else if (!dflt) {
                        v.bits[i] = store(f, s[base + i]);
                    }
                }
                r[base] = v;
                return base + 1;
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                StructRef v = struct(r[sp - 1]);
                int f = code[p + 2];
                StorageType t = ((StructType) inst.types()[code[p + 1]].subType().composite()).fields().get(f).storage();
                if (isRef(t)) {
                    r[sp - 1] = v.refs[f];
                } else {
                    s[sp - 1] = load(t, v.bits[f], op);
                    r[sp - 1] = null;
                }
                return sp;
            }
            case STRUCT_SET -> {
                StructRef v = struct(r[sp - 2]);
                int f = code[p + 2];
                StorageType t = ((StructType) inst.types()[code[p + 1]].subType().composite()).fields().get(f).storage();
                if (isRef(t)) {
                    v.refs[f] = r[sp - 1];
                } else {
                    v.bits[f] = store(t, s[sp - 1]);
                }
                return sp - 2;
            }
            case ARRAY_NEW, ARRAY_NEW_DEFAULT -> {
                DefinedType t = inst.types()[code[p + 1]];
                long n = s[sp - 1] & 0xFFFF_FFFFL;
                ArrayRef a = newArray(t, n);
                int at = sp - 1;
                if (op == Opcode.ARRAY_NEW) {
                    at = sp - 2;
                    StorageType e = ((ArrayType) t.subType().composite()).element().storage();
                    if (a.refs != null) {
                        Arrays.fill(a.refs, r[at]);
                    } else {
                        Arrays.fill(a.bits, store(e, s[at]));
                    }
                }
                r[at] = a;
                return at + 1;
            }
            case ARRAY_NEW_FIXED -> {
                DefinedType t = inst.types()[code[p + 1]];
                int n = code[p + 2];
                ArrayRef a = newArray(t, n);
                StorageType e = ((ArrayType) t.subType().composite()).element().storage();
                int base = sp - n;
                for (int i = 0; i < n; i++) {
                    if (a.refs != null) {
                        a.refs[i] = r[base + i];
                    } else {
                        a.bits[i] = store(e, s[base + i]);
                    }
                }
                r[base] = a;
                return base + 1;
            }
            case ARRAY_NEW_DATA, ARRAY_INIT_DATA -> {
                DefinedType t = inst.types()[code[p + 1]];
                StorageType e = ((ArrayType) t.subType().composite()).element().storage();
                byte[] data = inst.dataSegments()[code[p + 2]];
                data = data == null ? new byte[0] : data;
                int size = byteSize(e);
                long n = s[sp - 1] & 0xFFFF_FFFFL;
                long from = s[sp - 2] & 0xFFFF_FFFFL;
                ArrayRef a;
                long dst = 0;
                int result;
                if (op == Opcode.ARRAY_NEW_DATA) {
                    if (from + n * size > data.length) {
                        throw trap("out of bounds memory access");
                    }
                    a = newArray(t, n);
                    result = sp - 2;
                } else {
                    a = array(r[sp - 4]);
                    dst = s[sp - 3] & 0xFFFF_FFFFL;
                    checkRange(dst, n, a.length());
                    if (from + n * size > data.length) {
                        throw trap("out of bounds memory access");
                    }
                    result = sp - 4;
                }
                for (int i = 0; i < n; i++) {
                    int at = (int) (from + (long) i * size);
                    if (size == 16) {
                        a.refs[(int) dst + i] = new V128(le(data, at, 8), le(data, at + 8, 8));
                    } else {
                        a.bits[(int) dst + i] = store(e, le(data, at, size));
                    }
                }
                if (op == Opcode.ARRAY_NEW_DATA) {
                    r[result] = a;
                    return result + 1;
                }
                return result;
            }
            case ARRAY_NEW_ELEM, ARRAY_INIT_ELEM -> {
                DefinedType t = inst.types()[code[p + 1]];
                Object[] seg = inst.elementSegments()[code[p + 2]];
                seg = seg == null ? new Object[0] : seg;
                long n = s[sp - 1] & 0xFFFF_FFFFL;
                long from = s[sp - 2] & 0xFFFF_FFFFL;
                if (op == Opcode.ARRAY_NEW_ELEM) {
                    if (from + n > seg.length) {
                        throw trap("out of bounds table access");
                    }
                    ArrayRef a = newArray(t, n);
                    System.arraycopy(seg, (int) from, a.refs, 0, (int) n);
                    r[sp - 2] = a;
                    return sp - 1;
                }
                ArrayRef a = array(r[sp - 4]);
                long dst = s[sp - 3] & 0xFFFF_FFFFL;
                checkRange(dst, n, a.length());
                if (from + n > seg.length) {
                    throw trap("out of bounds table access");
                }
                System.arraycopy(seg, (int) from, a.refs, (int) dst, (int) n);
                return sp - 4;
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                ArrayRef a = array(r[sp - 2]);
                long i = s[sp - 1] & 0xFFFF_FFFFL;
                if (i >= a.length()) {
                    throw trap("out of bounds array access");
                }
                if (a.refs != null) {
                    r[sp - 2] = a.refs[(int) i];
                } else {
                    StorageType e = ((ArrayType) a.type.subType().composite()).element().storage();
                    s[sp - 2] = load(e, a.bits[(int) i], op);
                    r[sp - 2] = null;
                }
                return sp - 1;
            }
            case ARRAY_SET -> {
                ArrayRef a = array(r[sp - 3]);
                long i = s[sp - 2] & 0xFFFF_FFFFL;
                if (i >= a.length()) {
                    throw trap("out of bounds array access");
                }
                if (a.refs != null) {
                    a.refs[(int) i] = r[sp - 1];
                } else {
                    StorageType e = ((ArrayType) a.type.subType().composite()).element().storage();
                    a.bits[(int) i] = store(e, s[sp - 1]);
                }
                return sp - 3;
            }
            case ARRAY_LEN -> {
                s[sp - 1] = array(r[sp - 1]).length();
                r[sp - 1] = null;
                return sp;
            }
            case ARRAY_FILL -> {
                ArrayRef a = array(r[sp - 4]);
                long i = s[sp - 3] & 0xFFFF_FFFFL;
                long n = s[sp - 1] & 0xFFFF_FFFFL;
                checkRange(i, n, a.length());
                if (a.refs != null) {
                    Arrays.fill(a.refs, (int) i, (int) (i + n), r[sp - 2]);
                } else {
                    StorageType e = ((ArrayType) a.type.subType().composite()).element().storage();
                    Arrays.fill(a.bits, (int) i, (int) (i + n), store(e, s[sp - 2]));
                }
                return sp - 4;
            }
            case ARRAY_COPY -> {
                ArrayRef dst = array(r[sp - 5]);
                long di = s[sp - 4] & 0xFFFF_FFFFL;
                ArrayRef src = array(r[sp - 3]);
                long si = s[sp - 2] & 0xFFFF_FFFFL;
                long n = s[sp - 1] & 0xFFFF_FFFFL;
                checkRange(di, n, dst.length());
                checkRange(si, n, src.length());
                if (dst.refs != null) {
                    System.arraycopy(src.refs, (int) si, dst.refs, (int) di, (int) n);
                } else {
                    System.arraycopy(src.bits, (int) si, dst.bits, (int) di, (int) n);
                }
                return sp - 5;
            }
            case REF_TEST, REF_TEST_NULL -> {
                s[sp - 1] = test(r[sp - 1], code[p + 1] != 0, code[p + 2], inst) ? 1 : 0;
                r[sp - 1] = null;
                return sp;
            }
            case REF_CAST, REF_CAST_NULL -> {
                if (!test(r[sp - 1], code[p + 1] != 0, code[p + 2], inst)) {
                    throw trap("cast failure");
                }
                return sp;
            }
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
                return sp;
            }
            case REF_I31 -> {
                r[sp - 1] = I31Ref.of((int) s[sp - 1]);
                return sp;
            }
            case I31_GET_S, I31_GET_U -> {
                Object v = r[sp - 1];
                if (v == null) {
                    throw trap("null i31 reference");
                }
                I31Ref i = (I31Ref) v;
                s[sp - 1] = op == Opcode.I31_GET_S ? i.signed() : i.value();
                r[sp - 1] = null;
                return sp;
            }
            default -> throw new dev.jawa.runtime.UnsupportedInstructionException(op);
        }
    }

    /** {@code size} bytes of {@code data} at {@code at}, little-endian. */
    private static long le(byte[] data, int at, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (data[at + i] & 0xFF);
        }
        return v;
    }
}
