package dev.jawa.jit;

import dev.jawa.types.FuncType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Bridges from the raw calling convention of {@link dev.jawa.runtime.FunctionInstance#invoke}
 * (values in a long[] and an Object[], results written back) to a compiled function's handle:
 * one static method {@code b<signature>(long[], Object[], MethodHandle)} per JVM signature, which
 * unpacks the arguments, calls the handle with invokeExact and packs the results. So a call from
 * the host boxes nothing.
 */
final class BridgeEmitter {

    static final ClassDesc CD_METHOD_HANDLE = ClassDesc.of("java.lang.invoke.MethodHandle");
    static final ClassDesc CD_LONGS = ConstantDescs.CD_long.arrayType();

    private BridgeEmitter() {
    }

    static MethodTypeDesc desc() {
        return MethodTypeDesc.of(ConstantDescs.CD_void, CD_LONGS, JvmTypes.CD_OBJECT_ARRAY, CD_METHOD_HANDLE);
    }

    static void body(CodeBuilder cb, FuncType t) {
        cb.aload(2);
        for (int i = 0; i < t.params().size(); i++) {
            TypeKind k = JvmTypes.kind(t.params().get(i));
            if (k == TypeKind.REFERENCE) {
                cb.aload(1);
                cb.loadConstant(i);
                cb.aaload();
            } else {
                cb.aload(0);
                cb.loadConstant(i);
                cb.laload();
                VariableEmitter.fromBits(cb, k);
            }
        }
        cb.invokevirtual(CD_METHOD_HANDLE, "invokeExact", JvmTypes.handleDesc(t));
        int n = t.results().size();
        if (n == 1) {
            TypeKind k = JvmTypes.kind(t.results().get(0));
            cb.storeLocal(k, 3);
            storeResult(cb, k, 0, () -> cb.loadLocal(k, 3));
        } else if (n > 1) {
            cb.astore(3);
            for (int i = 0; i < n; i++) {
                TypeKind k = JvmTypes.kind(t.results().get(i));
                int index = i;
                storeResult(cb, k, i, () -> {
                    cb.aload(3);
                    cb.loadConstant(index);
                    cb.aaload();
                    unbox(cb, k);
                });
            }
        }
        cb.return_();
    }

    /** values[i] = bits of the value, or refs[i] = the reference. */
    private static void storeResult(CodeBuilder cb, TypeKind k, int i, Runnable pushValue) {
        if (k == TypeKind.REFERENCE) {
            cb.aload(1);
            cb.loadConstant(i);
            pushValue.run();
            cb.aastore();
        } else {
            cb.aload(0);
            cb.loadConstant(i);
            pushValue.run();
            VariableEmitter.toBits(cb, k);
            cb.lastore();
        }
    }

    private static void unbox(CodeBuilder cb, TypeKind k) {
        ClassDesc box;
        String name;
        switch (k) {
            case INT -> {
                box = ConstantDescs.CD_Integer;
                name = "intValue";
            }
            case LONG -> {
                box = ConstantDescs.CD_Long;
                name = "longValue";
            }
            case FLOAT -> {
                box = ConstantDescs.CD_Float;
                name = "floatValue";
            }
            case DOUBLE -> {
                box = ConstantDescs.CD_Double;
                name = "doubleValue";
            }
            default -> {
                return;
            }
        }
        cb.checkcast(box);
        cb.invokevirtual(box, name, MethodTypeDesc.of(JvmTypes.desc(k)));
    }
}
