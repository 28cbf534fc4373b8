package dev.jawa.jit;

import dev.jawa.types.FuncType;
import dev.jawa.types.NumType;
import dev.jawa.types.ValType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * How WebAssembly values are represented in compiled code: i32 as int, i64 as long, f32 as float,
 * f64 as double, and every reference and v128 value as Object (the runtime's own objects: a
 * FunctionInstance, a V128, an ExternRef...; null is the null reference). Multiple results come
 * back as an Object[] of boxed values (rare in hot code; see {@link #resultDesc}).
 */
final class JvmTypes {

    static final ClassDesc CD_CONTEXT = ClassDesc.of(JitContext.class.getName());
    static final ClassDesc CD_OBJECT_ARRAY = ConstantDescs.CD_Object.arrayType();

    private JvmTypes() {
    }

    static TypeKind kind(ValType t) {
        if (t instanceof NumType n) {
            return switch (n) {
                case I32 -> TypeKind.INT;
                case I64 -> TypeKind.LONG;
                case F32 -> TypeKind.FLOAT;
                case F64 -> TypeKind.DOUBLE;
            };
        }
        return TypeKind.REFERENCE;
    }

    static ClassDesc desc(TypeKind k) {
        return switch (k) {
            case INT -> ConstantDescs.CD_int;
            case LONG -> ConstantDescs.CD_long;
            case FLOAT -> ConstantDescs.CD_float;
            case DOUBLE -> ConstantDescs.CD_double;
            default -> ConstantDescs.CD_Object;
        };
    }

    static Class<?> javaClass(TypeKind k) {
        return switch (k) {
            case INT -> int.class;
            case LONG -> long.class;
            case FLOAT -> float.class;
            case DOUBLE -> double.class;
            default -> Object.class;
        };
    }

    /** The JVM result type: void, the single result's type, or Object[] for several. */
    static ClassDesc resultDesc(List<ValType> results) {
        return switch (results.size()) {
            case 0 -> ConstantDescs.CD_void;
            case 1 -> desc(kind(results.get(0)));
            default -> CD_OBJECT_ARRAY;
        };
    }

    static Class<?> resultClass(List<ValType> results) {
        return switch (results.size()) {
            case 0 -> void.class;
            case 1 -> javaClass(kind(results.get(0)));
            default -> Object[].class;
        };
    }

    /** The descriptor of a compiled function: its parameters, then the context. */
    static MethodTypeDesc methodDesc(FuncType t) {
        ClassDesc[] params = new ClassDesc[t.params().size() + 1];
        for (int i = 0; i < t.params().size(); i++) {
            params[i] = desc(kind(t.params().get(i)));
        }
        params[params.length - 1] = CD_CONTEXT;
        return MethodTypeDesc.of(resultDesc(t.results()), params);
    }

    /** The type of a callable handle for {@code t}: the parameters alone (context bound). */
    static MethodType handleType(FuncType t) {
        Class<?>[] params = new Class<?>[t.params().size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = javaClass(kind(t.params().get(i)));
        }
        return MethodType.methodType(resultClass(t.results()), params);
    }

    /** The descriptor of {@link #handleType}, for invokeExact call sites. */
    static MethodTypeDesc handleDesc(FuncType t) {
        ClassDesc[] params = new ClassDesc[t.params().size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = desc(kind(t.params().get(i)));
        }
        return MethodTypeDesc.of(resultDesc(t.results()), params);
    }

    /**
     * Pushes slot {@code index} of the raw frame arrays (longs in local {@code nums}, references in
     * local {@code refs}) as a JVM value of kind {@code k}: how split regions and OSR entries take
     * the locals they are handed.
     */
    static void loadRaw(CodeBuilder cb, TypeKind k, int nums, int refs, int index) {
        if (k == TypeKind.REFERENCE) {
            cb.aload(refs);
            cb.loadConstant(index);
            cb.aaload();
            return;
        }
        cb.aload(nums);
        cb.loadConstant(index);
        cb.laload();
        switch (k) {
            case INT -> cb.l2i();
            case FLOAT -> {
                cb.l2i();
                cb.invokestatic(ConstantDescs.CD_Float, "intBitsToFloat",
                        MethodTypeDesc.of(ConstantDescs.CD_float, ConstantDescs.CD_int));
            }
            case DOUBLE -> cb.invokestatic(ConstantDescs.CD_Double, "longBitsToDouble",
                    MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long));
            default -> {
            }
        }
    }
}
