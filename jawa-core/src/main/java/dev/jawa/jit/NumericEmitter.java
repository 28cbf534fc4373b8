package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Numeric instructions: constants, comparisons, arithmetic, conversions, sign extension and the
 * saturating truncations. Where a JVM instruction has the WebAssembly semantics it is used
 * directly (iadd, ishl: both mask the shift count; f2i: saturating, NaN to 0...); trapping and
 * NaN-sensitive operators call {@link JitRuntime}'s small static methods, which HotSpot inlines.
 * Float sign operations work on the raw bits, so NaN payloads survive.
 */
final class NumericEmitter implements InstructionFamily {

    private static final ClassDesc I = ConstantDescs.CD_int;
    private static final ClassDesc J = ConstantDescs.CD_long;
    private static final ClassDesc F = ConstantDescs.CD_float;
    private static final ClassDesc D = ConstantDescs.CD_double;

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        String sig = op.stack();
        if (sig == null || op.isMemoryAccess() || op.prefix() == Opcode.PREFIX_SIMD
                || op.prefix() == Opcode.PREFIX_ATOMIC || op == Opcode.MEMORY_SIZE || op == Opcode.MEMORY_GROW) {
            return false;
        }
        CodeBuilder cb = fc.cb;
        if (!emitOp(fc, cb, op, in)) {
            return false;
        }
        // Fixed signature: pop the parameters, push the result.
        int arrow = sig.indexOf('>');
        for (int i = 0; i < arrow; i++) {
            fc.pop();
        }
        for (int i = arrow + 1; i < sig.length(); i++) {
            fc.push(kindOf(sig.charAt(i)));
        }
        return true;
    }

    private static TypeKind kindOf(char c) {
        return switch (c) {
            case 'i' -> TypeKind.INT;
            case 'l' -> TypeKind.LONG;
            case 'f' -> TypeKind.FLOAT;
            case 'd' -> TypeKind.DOUBLE;
            default -> TypeKind.REFERENCE;
        };
    }

    private static boolean emitOp(FunctionCompiler fc, CodeBuilder cb, Opcode op, InstructionReader in) {
        switch (op) {
            case I32_CONST -> cb.loadConstant((int) in.bits());
            case I64_CONST -> cb.loadConstant(in.bits());
            case F32_CONST -> {
                float f = Float.intBitsToFloat((int) in.bits());
                if (Float.isNaN(f)) {
                    cb.loadConstant((int) in.bits());
                    call(cb, ConstantDescs.CD_Float, "intBitsToFloat", F, I);
                } else {
                    cb.loadConstant(f);
                }
            }
            case F64_CONST -> {
                double d = Double.longBitsToDouble(in.bits());
                if (Double.isNaN(d)) {
                    cb.loadConstant(in.bits());
                    call(cb, ConstantDescs.CD_Double, "longBitsToDouble", D, J);
                } else {
                    cb.loadConstant(d);
                }
            }
            // i32 comparisons
            case I32_EQZ -> {
                if (fc.pending != null) {
                    fc.pending = Condition.negate(fc.pending);
                } else {
                    fc.setPending(java.lang.classfile.Opcode.IFEQ);
                }
            }
            case I32_EQ -> fc.setPending(java.lang.classfile.Opcode.IF_ICMPEQ);
            case I32_NE -> fc.setPending(java.lang.classfile.Opcode.IF_ICMPNE);
            case I32_LT_S -> fc.setPending(java.lang.classfile.Opcode.IF_ICMPLT);
            case I32_GT_S -> fc.setPending(java.lang.classfile.Opcode.IF_ICMPGT);
            case I32_LE_S -> fc.setPending(java.lang.classfile.Opcode.IF_ICMPLE);
            case I32_GE_S -> fc.setPending(java.lang.classfile.Opcode.IF_ICMPGE);
            case I32_LT_U -> unsignedCompare(fc, cb, false, java.lang.classfile.Opcode.IFLT);
            case I32_GT_U -> unsignedCompare(fc, cb, false, java.lang.classfile.Opcode.IFGT);
            case I32_LE_U -> unsignedCompare(fc, cb, false, java.lang.classfile.Opcode.IFLE);
            case I32_GE_U -> unsignedCompare(fc, cb, false, java.lang.classfile.Opcode.IFGE);
            // i64 comparisons
            case I64_EQZ -> {
                cb.lconst_0();
                cb.lcmp();
                fc.setPending(java.lang.classfile.Opcode.IFEQ);
            }
            case I64_EQ -> longCompare(fc, cb, java.lang.classfile.Opcode.IFEQ);
            case I64_NE -> longCompare(fc, cb, java.lang.classfile.Opcode.IFNE);
            case I64_LT_S -> longCompare(fc, cb, java.lang.classfile.Opcode.IFLT);
            case I64_GT_S -> longCompare(fc, cb, java.lang.classfile.Opcode.IFGT);
            case I64_LE_S -> longCompare(fc, cb, java.lang.classfile.Opcode.IFLE);
            case I64_GE_S -> longCompare(fc, cb, java.lang.classfile.Opcode.IFGE);
            case I64_LT_U -> unsignedCompare(fc, cb, true, java.lang.classfile.Opcode.IFLT);
            case I64_GT_U -> unsignedCompare(fc, cb, true, java.lang.classfile.Opcode.IFGT);
            case I64_LE_U -> unsignedCompare(fc, cb, true, java.lang.classfile.Opcode.IFLE);
            case I64_GE_U -> unsignedCompare(fc, cb, true, java.lang.classfile.Opcode.IFGE);
            // float comparisons: fcmpg gives 1 on NaN, fcmpl -1, chosen so NaN compares false
            case F32_EQ -> floatCompare(fc, cb, false, false, java.lang.classfile.Opcode.IFEQ);
            case F32_NE -> floatCompare(fc, cb, false, false, java.lang.classfile.Opcode.IFNE);
            case F32_LT -> floatCompare(fc, cb, false, true, java.lang.classfile.Opcode.IFLT);
            case F32_GT -> floatCompare(fc, cb, false, false, java.lang.classfile.Opcode.IFGT);
            case F32_LE -> floatCompare(fc, cb, false, true, java.lang.classfile.Opcode.IFLE);
            case F32_GE -> floatCompare(fc, cb, false, false, java.lang.classfile.Opcode.IFGE);
            case F64_EQ -> floatCompare(fc, cb, true, false, java.lang.classfile.Opcode.IFEQ);
            case F64_NE -> floatCompare(fc, cb, true, false, java.lang.classfile.Opcode.IFNE);
            case F64_LT -> floatCompare(fc, cb, true, true, java.lang.classfile.Opcode.IFLT);
            case F64_GT -> floatCompare(fc, cb, true, false, java.lang.classfile.Opcode.IFGT);
            case F64_LE -> floatCompare(fc, cb, true, true, java.lang.classfile.Opcode.IFLE);
            case F64_GE -> floatCompare(fc, cb, true, false, java.lang.classfile.Opcode.IFGE);
            // i32 arithmetic
            case I32_CLZ -> call(cb, ConstantDescs.CD_Integer, "numberOfLeadingZeros", I, I);
            case I32_CTZ -> call(cb, ConstantDescs.CD_Integer, "numberOfTrailingZeros", I, I);
            case I32_POPCNT -> call(cb, ConstantDescs.CD_Integer, "bitCount", I, I);
            case I32_ADD -> cb.iadd();
            case I32_SUB -> cb.isub();
            case I32_MUL -> cb.imul();
            case I32_DIV_S -> rt(cb, "divS", I, I, I);
            case I32_DIV_U -> rt(cb, "divU", I, I, I);
            case I32_REM_S -> rt(cb, "remS", I, I, I);
            case I32_REM_U -> rt(cb, "remU", I, I, I);
            case I32_AND -> cb.iand();
            case I32_OR -> cb.ior();
            case I32_XOR -> cb.ixor();
            case I32_SHL -> cb.ishl();
            case I32_SHR_S -> cb.ishr();
            case I32_SHR_U -> cb.iushr();
            case I32_ROTL -> call(cb, ConstantDescs.CD_Integer, "rotateLeft", I, I, I);
            case I32_ROTR -> call(cb, ConstantDescs.CD_Integer, "rotateRight", I, I, I);
            // i64 arithmetic (shift counts are longs in WebAssembly, ints on the JVM)
            case I64_CLZ -> {
                call(cb, ConstantDescs.CD_Long, "numberOfLeadingZeros", I, J);
                cb.i2l();
            }
            case I64_CTZ -> {
                call(cb, ConstantDescs.CD_Long, "numberOfTrailingZeros", I, J);
                cb.i2l();
            }
            case I64_POPCNT -> {
                call(cb, ConstantDescs.CD_Long, "bitCount", I, J);
                cb.i2l();
            }
            case I64_ADD -> cb.ladd();
            case I64_SUB -> cb.lsub();
            case I64_MUL -> cb.lmul();
            case I64_DIV_S -> rt(cb, "divS", J, J, J);
            case I64_DIV_U -> rt(cb, "divU", J, J, J);
            case I64_REM_S -> rt(cb, "remS", J, J, J);
            case I64_REM_U -> rt(cb, "remU", J, J, J);
            case I64_AND -> cb.land();
            case I64_OR -> cb.lor();
            case I64_XOR -> cb.lxor();
            case I64_SHL -> {
                cb.l2i();
                cb.lshl();
            }
            case I64_SHR_S -> {
                cb.l2i();
                cb.lshr();
            }
            case I64_SHR_U -> {
                cb.l2i();
                cb.lushr();
            }
            case I64_ROTL -> {
                cb.l2i();
                call(cb, ConstantDescs.CD_Long, "rotateLeft", J, J, I);
            }
            case I64_ROTR -> {
                cb.l2i();
                call(cb, ConstantDescs.CD_Long, "rotateRight", J, J, I);
            }
            // f32
            case F32_ABS -> rt(cb, "fabs", F, F);
            case F32_NEG -> rt(cb, "fneg", F, F);
            case F32_CEIL -> rt(cb, "fceil", F, F);
            case F32_FLOOR -> rt(cb, "ffloor", F, F);
            case F32_TRUNC -> rt(cb, "ftrunc", F, F);
            case F32_NEAREST -> rt(cb, "fnearest", F, F);
            case F32_SQRT -> rt(cb, "fsqrt", F, F);
            case F32_ADD -> cb.fadd();
            case F32_SUB -> cb.fsub();
            case F32_MUL -> cb.fmul();
            case F32_DIV -> cb.fdiv();
            case F32_MIN -> rt(cb, "fmin", F, F, F);
            case F32_MAX -> rt(cb, "fmax", F, F, F);
            case F32_COPYSIGN -> rt(cb, "fcopysign", F, F, F);
            // f64
            case F64_ABS -> rt(cb, "dabs", D, D);
            case F64_NEG -> rt(cb, "dneg", D, D);
            case F64_CEIL -> rt(cb, "dceil", D, D);
            case F64_FLOOR -> rt(cb, "dfloor", D, D);
            case F64_TRUNC -> rt(cb, "dtrunc", D, D);
            case F64_NEAREST -> rt(cb, "dnearest", D, D);
            case F64_SQRT -> rt(cb, "dsqrt", D, D);
            case F64_ADD -> cb.dadd();
            case F64_SUB -> cb.dsub();
            case F64_MUL -> cb.dmul();
            case F64_DIV -> cb.ddiv();
            case F64_MIN -> rt(cb, "dmin", D, D, D);
            case F64_MAX -> rt(cb, "dmax", D, D, D);
            case F64_COPYSIGN -> rt(cb, "dcopysign", D, D, D);
            // conversions
            case I32_WRAP_I64 -> cb.l2i();
            case I32_TRUNC_F32_S -> {
                cb.f2d();
                rt(cb, "truncS32", I, D);
            }
            case I32_TRUNC_F32_U -> {
                cb.f2d();
                rt(cb, "truncU32", I, D);
            }
            case I32_TRUNC_F64_S -> rt(cb, "truncS32", I, D);
            case I32_TRUNC_F64_U -> rt(cb, "truncU32", I, D);
            case I64_EXTEND_I32_S -> cb.i2l();
            case I64_EXTEND_I32_U -> fc.unsignedWiden();
            case I64_TRUNC_F32_S -> {
                cb.f2d();
                rt(cb, "truncS64", J, D);
            }
            case I64_TRUNC_F32_U -> {
                cb.f2d();
                rt(cb, "truncU64", J, D);
            }
            case I64_TRUNC_F64_S -> rt(cb, "truncS64", J, D);
            case I64_TRUNC_F64_U -> rt(cb, "truncU64", J, D);
            case F32_CONVERT_I32_S -> cb.i2f();
            case F32_CONVERT_I32_U -> {
                fc.unsignedWiden();
                cb.l2f();
            }
            case F32_CONVERT_I64_S -> cb.l2f();
            case F32_CONVERT_I64_U -> rt(cb, "u64ToF32", F, J);
            case F32_DEMOTE_F64 -> cb.d2f();
            case F64_CONVERT_I32_S -> cb.i2d();
            case F64_CONVERT_I32_U -> {
                fc.unsignedWiden();
                cb.l2d();
            }
            case F64_CONVERT_I64_S -> cb.l2d();
            case F64_CONVERT_I64_U -> rt(cb, "u64ToF64", D, J);
            case F64_PROMOTE_F32 -> cb.f2d();
            case I32_REINTERPRET_F32 -> call(cb, ConstantDescs.CD_Float, "floatToRawIntBits", I, F);
            case I64_REINTERPRET_F64 -> call(cb, ConstantDescs.CD_Double, "doubleToRawLongBits", J, D);
            case F32_REINTERPRET_I32 -> call(cb, ConstantDescs.CD_Float, "intBitsToFloat", F, I);
            case F64_REINTERPRET_I64 -> call(cb, ConstantDescs.CD_Double, "longBitsToDouble", D, J);
            // sign extension
            case I32_EXTEND8_S -> cb.i2b();
            case I32_EXTEND16_S -> cb.i2s();
            case I64_EXTEND8_S -> {
                cb.l2i();
                cb.i2b();
                cb.i2l();
            }
            case I64_EXTEND16_S -> {
                cb.l2i();
                cb.i2s();
                cb.i2l();
            }
            case I64_EXTEND32_S -> {
                cb.l2i();
                cb.i2l();
            }
            // saturating truncation: the JVM's f2i/d2l already saturate and map NaN to 0
            case I32_TRUNC_SAT_F32_S -> cb.f2i();
            case I32_TRUNC_SAT_F64_S -> cb.d2i();
            case I64_TRUNC_SAT_F32_S -> cb.f2l();
            case I64_TRUNC_SAT_F64_S -> cb.d2l();
            case I32_TRUNC_SAT_F32_U -> {
                cb.f2d();
                rt(cb, "truncSatU32", I, D);
            }
            case I32_TRUNC_SAT_F64_U -> rt(cb, "truncSatU32", I, D);
            case I64_TRUNC_SAT_F32_U -> {
                cb.f2d();
                rt(cb, "truncSatU64", J, D);
            }
            case I64_TRUNC_SAT_F64_U -> rt(cb, "truncSatU64", J, D);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void longCompare(FunctionCompiler fc, CodeBuilder cb, java.lang.classfile.Opcode jump) {
        cb.lcmp();
        fc.setPending(jump);
    }

    private static void unsignedCompare(FunctionCompiler fc, CodeBuilder cb, boolean wide, java.lang.classfile.Opcode jump) {
        if (wide) {
            call(cb, ConstantDescs.CD_Long, "compareUnsigned", I, J, J);
        } else {
            call(cb, ConstantDescs.CD_Integer, "compareUnsigned", I, I, I);
        }
        fc.setPending(jump);
    }

    /** fcmpg gives 1 on NaN and fcmpl -1: each comparison takes the one that makes NaN false. */
    private static void floatCompare(FunctionCompiler fc, CodeBuilder cb, boolean wide, boolean nanIsGreater,
            java.lang.classfile.Opcode jump) {
        if (wide) {
            if (nanIsGreater) {
                cb.dcmpg();
            } else {
                cb.dcmpl();
            }
        } else if (nanIsGreater) {
            cb.fcmpg();
        } else {
            cb.fcmpl();
        }
        fc.setPending(jump);
    }

    private static void call(CodeBuilder cb, ClassDesc owner, String name, ClassDesc ret, ClassDesc... params) {
        cb.invokestatic(owner, name, MethodTypeDesc.of(ret, params));
    }

    private static void rt(CodeBuilder cb, String name, ClassDesc ret, ClassDesc... params) {
        cb.invokestatic(JitRuntime.CD, name, MethodTypeDesc.of(ret, params));
    }
}
