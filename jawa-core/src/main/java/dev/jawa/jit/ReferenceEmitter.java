package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Reference instructions: ref.null, ref.is_null, ref.func, ref.eq, ref.as_non_null, and the
 * branches on null (br_on_null, br_on_non_null). The null reference is Java's null.
 */
final class ReferenceEmitter implements InstructionFamily {

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        CodeBuilder cb = fc.cb;
        switch (op) {
            case REF_NULL -> {
                cb.aconst_null();
                fc.push(TypeKind.REFERENCE);
            }
            case REF_IS_NULL -> {
                fc.pop();
                fc.setPending(java.lang.classfile.Opcode.IFNULL);
                fc.push(TypeKind.INT);
            }
            case REF_FUNC -> {
                fc.loadContext();
                cb.getfield(JvmTypes.CD_CONTEXT, "functions", JitCalls.CD_FUNCTION.arrayType());
                cb.loadConstant(in.index());
                cb.aaload();
                fc.push(TypeKind.REFERENCE);
            }
            case REF_EQ -> {
                fc.pop();
                fc.pop();
                cb.invokestatic(JitTables.CD, "refEq", MethodTypeDesc.of(ConstantDescs.CD_boolean, ConstantDescs.CD_Object, ConstantDescs.CD_Object));
                fc.push(TypeKind.INT);
            }
            case REF_AS_NON_NULL -> cb.invokestatic(JitTables.CD, "asNonNull", MethodTypeDesc.of(ConstantDescs.CD_Object, ConstantDescs.CD_Object));
            case BR_ON_NULL -> {
                // Null: drop it and branch; else continue with the reference.
                Label notNull = fc.newLabel();
                cb.dup();
                cb.ifnonnull(notNull);
                cb.pop();
                fc.pop();
                fc.branch(in.index());
                cb.labelBinding(notNull);
                fc.push(TypeKind.REFERENCE);
            }
            case BR_ON_NON_NULL -> {
                // Not null: branch carrying it; else drop the null and continue.
                Label isNull = fc.newLabel();
                cb.dup();
                cb.ifnull(isNull);
                fc.branch(in.index());
                cb.labelBinding(isNull);
                cb.pop();
                fc.pop();
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
