package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Locals (JVM locals of the same type) and globals (the instance's Global objects, whose numeric
 * value is raw bits in {@code bits} and whose reference value is in {@code ref}).
 */
final class VariableEmitter implements InstructionFamily {

    static final ClassDesc CD_GLOBAL = ClassDesc.of("dev.jawa.runtime.Global");

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        CodeBuilder cb = fc.cb;
        switch (op) {
            case LOCAL_GET -> {
                TypeKind k = fc.localKind(in.index());
                cb.loadLocal(k, fc.localSlot(in.index()));
                fc.push(k);
            }
            case LOCAL_SET -> cb.storeLocal(fc.pop(), fc.localSlot(in.index()));
            case LOCAL_TEE -> {
                TypeKind k = fc.peek(0);
                if (k.slotSize() == 2) {
                    cb.dup2();
                } else {
                    cb.dup();
                }
                cb.storeLocal(k, fc.localSlot(in.index()));
            }
            case GLOBAL_GET -> globalGet(fc, in.index());
            case GLOBAL_SET -> globalSet(fc, in.index());
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void loadGlobal(FunctionCompiler fc, int index) {
        fc.loadContext();
        fc.cb.getfield(JvmTypes.CD_CONTEXT, "globals", CD_GLOBAL.arrayType());
        fc.cb.loadConstant(index);
        fc.cb.aaload();
    }

    private static void globalGet(FunctionCompiler fc, int index) {
        CodeBuilder cb = fc.cb;
        TypeKind k = JvmTypes.kind(fc.wasm.globalTypes().get(index).valType());
        loadGlobal(fc, index);
        if (k == TypeKind.REFERENCE) {
            cb.getfield(CD_GLOBAL, "ref", ConstantDescs.CD_Object);
        } else {
            cb.getfield(CD_GLOBAL, "bits", ConstantDescs.CD_long);
            fromBits(cb, k);
        }
        fc.push(k);
    }

    private static void globalSet(FunctionCompiler fc, int index) {
        CodeBuilder cb = fc.cb;
        TypeKind k = fc.pop();
        loadGlobal(fc, index);
        // Stack: value global -> global value.
        if (k.slotSize() == 2) {
            cb.dup_x2();
            cb.pop();
        } else {
            cb.swap();
        }
        if (k == TypeKind.REFERENCE) {
            cb.putfield(CD_GLOBAL, "ref", ConstantDescs.CD_Object);
        } else {
            toBits(cb, k);
            cb.putfield(CD_GLOBAL, "bits", ConstantDescs.CD_long);
        }
    }

    /** Raw bits (a long on the stack) to a value of kind {@code k}. */
    static void fromBits(CodeBuilder cb, TypeKind k) {
        switch (k) {
            case INT -> cb.l2i();
            case FLOAT -> {
                cb.l2i();
                cb.invokestatic(ConstantDescs.CD_Float, "intBitsToFloat", MethodTypeDesc.of(ConstantDescs.CD_float, ConstantDescs.CD_int));
            }
            case DOUBLE -> cb.invokestatic(ConstantDescs.CD_Double, "longBitsToDouble", MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long));
            default -> {
            }
        }
    }

    /** A value of kind {@code k} to raw bits (a long). */
    static void toBits(CodeBuilder cb, TypeKind k) {
        switch (k) {
            case INT -> cb.i2l();
            case FLOAT -> {
                cb.invokestatic(ConstantDescs.CD_Float, "floatToRawIntBits", MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_float));
                cb.i2l();
            }
            case DOUBLE -> cb.invokestatic(ConstantDescs.CD_Double, "doubleToRawLongBits", MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_double));
            default -> {
            }
        }
    }
}
