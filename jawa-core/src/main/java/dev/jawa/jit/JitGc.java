package dev.jawa.jit;

import dev.jawa.Trap;
import dev.jawa.runtime.ArrayRef;
import dev.jawa.runtime.ExceptionInstance;
import dev.jawa.runtime.FunctionInstance;
import dev.jawa.runtime.I31Ref;
import dev.jawa.runtime.StructRef;
import dev.jawa.runtime.Traps;
import dev.jawa.runtime.V128;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.ArrayType;
import dev.jawa.types.NumType;
import dev.jawa.types.PackedType;
import dev.jawa.types.StorageType;
import dev.jawa.types.VecType;
import dev.jawa.validate.DefinedType;
import java.lang.constant.ClassDesc;
import java.util.Arrays;

/**
 * The GC instructions' work for compiled code, on the runtime's own {@link StructRef},
 * {@link ArrayRef} and {@link I31Ref} (the interpreter's objects, so values cross tiers). Numeric
 * fields and elements are raw bits in a long (i32 sign-extended, i8/i16 zero-extended, f32 as its
 * int bits); {@link GcEmitter} converts JVM values to and from that form inline. Indices and
 * counts arrive as JVM ints holding unsigned i32s.
 */
final class JitGc {

    static final ClassDesc CD = ClassDesc.of(JitGc.class.getName());

    private JitGc() {
    }

    private static Trap trap(String message) {
        return new Trap(message);
    }

    static boolean isRef(StorageType t) {
        return !(t instanceof NumType) && !(t instanceof PackedType);
    }

    private static StorageType element(DefinedType t) {
        return ((ArrayType) t.subType().composite()).element().storage();
    }

    /** The stored form of a numeric value's raw bits (packed values truncated). */
    private static long store(StorageType t, long v) {
        if (t == PackedType.I8) {
            return v & 0xFF;
        }
        if (t == PackedType.I16) {
            return v & 0xFFFF;
        }
        return t == NumType.I32 || t == NumType.F32 ? (int) v : v;
    }

    private static int byteSize(StorageType t) {
        if (t instanceof PackedType p) {
            return p.byteSize();
        }
        if (t == NumType.I32 || t == NumType.F32) {
            return 4;
        }
        return t == VecType.V128 ? 16 : 8;
    }

    // ---- structs ----

    static StructRef struct(Object o) {
        if (o == null) {
            throw trap("null structure reference");
        }
        return (StructRef) o;
    }

    // ---- arrays ----

    static ArrayRef array(Object o) {
        if (o == null) {
            throw trap("null array reference");
        }
        return (ArrayRef) o;
    }

    private static ArrayRef allocate(DefinedType t, long n) {
        StorageType e = element(t);
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw trap("out of memory: array of " + Long.toUnsignedString(n) + " elements");
        }
        if (isRef(e)) {
            Object[] refs = new Object[(int) n];
            if (e == VecType.V128) {
                Arrays.fill(refs, V128.ZERO);
            }
            return new ArrayRef(t, null, refs);
        }
        return new ArrayRef(t, new long[(int) n], null);
    }

    static ArrayRef newDefault(int n, JitContext ctx, int type) {
        return allocate(ctx.types[type], Integer.toUnsignedLong(n));
    }

    /** array.new of a numeric element type; {@code bits} is already in stored form. */
    static ArrayRef newBits(long bits, int n, JitContext ctx, int type) {
        ArrayRef a = allocate(ctx.types[type], Integer.toUnsignedLong(n));
        Arrays.fill(a.bits, bits);
        return a;
    }

    static ArrayRef newRefs(Object v, int n, JitContext ctx, int type) {
        ArrayRef a = allocate(ctx.types[type], Integer.toUnsignedLong(n));
        Arrays.fill(a.refs, v);
        return a;
    }

    private static void checkRange(long i, long n, int length) {
        if (i + n > length) {
            throw trap("out of bounds array access");
        }
    }

    static ArrayRef newData(int from, int n, JitContext ctx, int type, int seg) {
        DefinedType t = ctx.types[type];
        byte[] data = segment(ctx, seg);
        long count = Integer.toUnsignedLong(n);
        long start = Integer.toUnsignedLong(from);
        if (start + count * byteSize(element(t)) > data.length) {
            throw Traps.memoryOutOfBounds();
        }
        ArrayRef a = allocate(t, count);
        copyData(a, 0, data, start, (int) count);
        return a;
    }

    static void initData(Object array, int dst, int from, int n, JitContext ctx, int seg) {
        ArrayRef a = array(array);
        byte[] data = segment(ctx, seg);
        long count = Integer.toUnsignedLong(n);
        long d = Integer.toUnsignedLong(dst);
        long start = Integer.toUnsignedLong(from);
        checkRange(d, count, a.length());
        if (start + count * byteSize(element(a.type)) > data.length) {
            throw Traps.memoryOutOfBounds();
        }
        copyData(a, (int) d, data, start, (int) count);
    }

    private static byte[] segment(JitContext ctx, int seg) {
        byte[] data = ctx.instance.dataSegments()[seg];
        return data == null ? new byte[0] : data;
    }

    private static void copyData(ArrayRef a, int dst, byte[] data, long from, int n) {
        StorageType e = element(a.type);
        int size = byteSize(e);
        for (int i = 0; i < n; i++) {
            int at = (int) (from + (long) i * size);
            if (size == 16) {
                a.refs[dst + i] = new V128(le(data, at, 8), le(data, at + 8, 8));
            } else {
                a.bits[dst + i] = store(e, le(data, at, size));
            }
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

    private static Object[] elements(JitContext ctx, int seg) {
        Object[] e = ctx.instance.elementSegments()[seg];
        return e == null ? new Object[0] : e;
    }

    static ArrayRef newElem(int from, int n, JitContext ctx, int type, int seg) {
        Object[] e = elements(ctx, seg);
        long count = Integer.toUnsignedLong(n);
        long start = Integer.toUnsignedLong(from);
        if (start + count > e.length) {
            throw Traps.tableOutOfBounds();
        }
        ArrayRef a = allocate(ctx.types[type], count);
        System.arraycopy(e, (int) start, a.refs, 0, (int) count);
        return a;
    }

    static void initElem(Object array, int dst, int from, int n, JitContext ctx, int seg) {
        ArrayRef a = array(array);
        Object[] e = elements(ctx, seg);
        long count = Integer.toUnsignedLong(n);
        long d = Integer.toUnsignedLong(dst);
        long start = Integer.toUnsignedLong(from);
        checkRange(d, count, a.length());
        if (start + count > e.length) {
            throw Traps.tableOutOfBounds();
        }
        System.arraycopy(e, (int) start, a.refs, (int) d, (int) count);
    }

    private static int index(ArrayRef a, int i) {
        if (Integer.compareUnsigned(i, a.length()) >= 0) {
            throw trap("out of bounds array access");
        }
        return i;
    }

    static long getBits(Object array, int i) {
        ArrayRef a = array(array);
        return a.bits[index(a, i)];
    }

    static Object getRef(Object array, int i) {
        ArrayRef a = array(array);
        return a.refs[index(a, i)];
    }

    static void setBits(Object array, int i, long v) {
        ArrayRef a = array(array);
        a.bits[index(a, i)] = v;
    }

    static void setRef(Object array, int i, Object v) {
        ArrayRef a = array(array);
        a.refs[index(a, i)] = v;
    }

    static int length(Object array) {
        return array(array).length();
    }

    static void fillBits(Object array, int i, long v, int n) {
        ArrayRef a = array(array);
        long from = Integer.toUnsignedLong(i);
        long count = Integer.toUnsignedLong(n);
        checkRange(from, count, a.length());
        Arrays.fill(a.bits, (int) from, (int) (from + count), v);
    }

    static void fillRefs(Object array, int i, Object v, int n) {
        ArrayRef a = array(array);
        long from = Integer.toUnsignedLong(i);
        long count = Integer.toUnsignedLong(n);
        checkRange(from, count, a.length());
        Arrays.fill(a.refs, (int) from, (int) (from + count), v);
    }

    static void copy(Object dstArray, int di, Object srcArray, int si, int n) {
        ArrayRef dst = array(dstArray);
        ArrayRef src = array(srcArray);
        long d = Integer.toUnsignedLong(di);
        long s = Integer.toUnsignedLong(si);
        long count = Integer.toUnsignedLong(n);
        checkRange(d, count, dst.length());
        checkRange(s, count, src.length());
        if (dst.refs != null) {
            System.arraycopy(src.refs, (int) s, dst.refs, (int) d, (int) count);
        } else {
            System.arraycopy(src.bits, (int) s, dst.bits, (int) d, (int) count);
        }
    }

    // ---- casts ----

    // One test per abstract heap type, chosen at compile time; {@code nullable}: whether null passes.

    static boolean testAny(Object v, boolean nullable) {
        return v == null ? nullable : !(v instanceof FunctionInstance) && !(v instanceof ExceptionInstance);
    }

    static boolean testEq(Object v, boolean nullable) {
        return v == null ? nullable : v instanceof StructRef || v instanceof ArrayRef || v instanceof I31Ref;
    }

    static boolean testI31(Object v, boolean nullable) {
        return v == null ? nullable : v instanceof I31Ref;
    }

    static boolean testStruct(Object v, boolean nullable) {
        return v == null ? nullable : v instanceof StructRef;
    }

    static boolean testArray(Object v, boolean nullable) {
        return v == null ? nullable : v instanceof ArrayRef;
    }

    static boolean testFunc(Object v, boolean nullable) {
        return v == null ? nullable : v instanceof FunctionInstance;
    }

    static boolean testExn(Object v, boolean nullable) {
        return v == null ? nullable : v instanceof ExceptionInstance;
    }

    static boolean testExtern(Object v, boolean nullable) {
        return v == null ? nullable : true;
    }

    /** The bottom types (none, nofunc, noextern, noexn) hold null only. */
    static boolean testBottom(Object v, boolean nullable) {
        return v == null && nullable;
    }

    /** The name of the test method for an abstract heap type. */
    static String testName(AbsHeapType t) {
        return switch (t) {
            case ANY -> "testAny";
            case EQ -> "testEq";
            case I31 -> "testI31";
            case STRUCT -> "testStruct";
            case ARRAY -> "testArray";
            case FUNC -> "testFunc";
            case EXN -> "testExn";
            case EXTERN -> "testExtern";
            case NONE, NOFUNC, NOEXTERN, NOEXN -> "testBottom";
        };
    }

    /** Whether {@code v} is in the instance's defined type {@code type} (null if nullable). */
    static boolean testDefined(Object v, boolean nullable, JitContext ctx, int type) {
        if (v == null) {
            return nullable;
        }
        DefinedType have = v instanceof StructRef s ? s.type : v instanceof ArrayRef a ? a.type
                : v instanceof FunctionInstance f ? f.type() : null;
        return have != null && (have == ctx.types[type] || have.isSubtypeOf(ctx.types[type]));
    }

    /** ref.cast: {@code v} if the test passed, else the trap. */
    static Object checkCast(Object v, boolean passed) {
        if (!passed) {
            throw trap("cast failure");
        }
        return v;
    }

    // ---- i31 ----

    static Object i31(int v) {
        return I31Ref.of(v);
    }

    private static I31Ref i31Ref(Object v) {
        if (v == null) {
            throw trap("null i31 reference");
        }
        return (I31Ref) v;
    }

    static int i31GetS(Object v) {
        return i31Ref(v).signed();
    }

    static int i31GetU(Object v) {
        return i31Ref(v).value();
    }
}
