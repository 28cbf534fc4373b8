package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.ArrayRef;
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
import dev.jawa.types.VecType;
import dev.jawa.validate.DefinedType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * The GC instructions: structs, arrays, i31, ref.test, ref.cast, br_on_cast(_fail) and the
 * extern/any conversions. Values are the runtime's {@link StructRef}, {@link ArrayRef} and
 * {@code I31Ref}, shared with the interpreter; a struct field is read or written inline (a
 * {@code getfield} and an array access), everything that checks bounds or allocates is a small
 * {@link JitGc} method HotSpot inlines. The conversions are identities, as in the interpreter.
 */
final class GcEmitter implements InstructionFamily {

    private static final ClassDesc CD_STRUCT = ClassDesc.of(StructRef.class.getName());
    private static final ClassDesc CD_ARRAY = ClassDesc.of(ArrayRef.class.getName());
    private static final ClassDesc CD_LONGS = ConstantDescs.CD_long.arrayType();
    private static final ClassDesc CD_OBJECTS = ConstantDescs.CD_Object.arrayType();
    private static final ClassDesc OBJ = ConstantDescs.CD_Object;
    private static final ClassDesc INT = ConstantDescs.CD_int;
    private static final ClassDesc LONG = ConstantDescs.CD_long;
    private static final ClassDesc BOOL = ConstantDescs.CD_boolean;
    private static final ClassDesc VOID = ConstantDescs.CD_void;
    private static final ClassDesc CTX = JvmTypes.CD_CONTEXT;
    private static final ClassDesc CD_DEFINED = ClassDesc.of(DefinedType.class.getName());
    private static final ClassDesc CD_V128 = ClassDesc.of(V128.class.getName());

    static boolean owns(Opcode op) {
        return op.prefix() == Opcode.PREFIX_GC;
    }

    /** Every GC instruction is compiled: nothing to reject (kept for the families' protocol). */
    static void checkSupported(Opcode op) {
    }

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        if (!owns(op)) {
            return false;
        }
        CodeBuilder cb = fc.cb;
        switch (op) {
            case STRUCT_NEW -> structNew(fc, in.index());
            case STRUCT_NEW_DEFAULT -> {
                newStruct(fc, in.index(), true);
                fc.push(TypeKind.REFERENCE);
            }
            case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> {
                StorageType s = field(fc, in.index(), in.index2());
                call(cb, "struct", CD_STRUCT, OBJ);
                fc.pop();
                if (JitGc.isRef(s)) {
                    cb.getfield(CD_STRUCT, "refs", CD_OBJECTS);
                    cb.loadConstant(in.index2());
                    cb.aaload();
                } else {
                    cb.getfield(CD_STRUCT, "bits", CD_LONGS);
                    cb.loadConstant(in.index2());
                    cb.laload();
                    fromBits(cb, s, op == Opcode.STRUCT_GET_S);
                }
                fc.push(kind(s));
            }
            case STRUCT_SET -> {
                StorageType s = field(fc, in.index(), in.index2());
                TypeKind k = fc.peek(0);
                int[] v = fc.spill(1);
                call(cb, "struct", CD_STRUCT, OBJ);
                cb.getfield(CD_STRUCT, JitGc.isRef(s) ? "refs" : "bits", JitGc.isRef(s) ? CD_OBJECTS : CD_LONGS);
                cb.loadConstant(in.index2());
                cb.loadLocal(k, v[0]);
                storeElement(cb, s);
                fc.pop();
                fc.pop();
            }
            case ARRAY_NEW -> {
                StorageType s = element(fc, in.index());
                TypeKind k = fc.peek(1);
                int[] v = fc.spill(2);
                cb.loadLocal(k, v[0]);
                toBits(cb, s);
                cb.iload(v[1]);
                fc.loadContext();
                cb.loadConstant(in.index());
                boolean ref = JitGc.isRef(s);
                call(cb, ref ? "newRefs" : "newBits", CD_ARRAY, ref ? OBJ : LONG, INT, CTX, INT);
                popPush(fc, 2, TypeKind.REFERENCE);
            }
            case ARRAY_NEW_DEFAULT -> {
                fc.loadContext();
                cb.loadConstant(in.index());
                call(cb, "newDefault", CD_ARRAY, INT, CTX, INT);
                popPush(fc, 1, TypeKind.REFERENCE);
            }
            case ARRAY_NEW_FIXED -> arrayNewFixed(fc, in.index(), in.index2());
            case ARRAY_NEW_DATA, ARRAY_NEW_ELEM -> {
                fc.loadContext();
                cb.loadConstant(in.index());
                cb.loadConstant(in.index2());
                call(cb, op == Opcode.ARRAY_NEW_DATA ? "newData" : "newElem", CD_ARRAY, INT, INT, CTX, INT, INT);
                popPush(fc, 2, TypeKind.REFERENCE);
            }
            case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
                fc.loadContext();
                cb.loadConstant(in.index2());
                call(cb, op == Opcode.ARRAY_INIT_DATA ? "initData" : "initElem", VOID, OBJ, INT, INT, INT, CTX, INT);
                popPush(fc, 4, null);
            }
            case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
                StorageType s = element(fc, in.index());
                if (JitGc.isRef(s)) {
                    call(cb, "getRef", OBJ, OBJ, INT);
                } else {
                    call(cb, "getBits", LONG, OBJ, INT);
                    fromBits(cb, s, op == Opcode.ARRAY_GET_S);
                }
                popPush(fc, 2, kind(s));
            }
            case ARRAY_SET -> {
                StorageType s = element(fc, in.index());
                if (JitGc.isRef(s)) {
                    call(cb, "setRef", VOID, OBJ, INT, OBJ);
                } else {
                    toBits(cb, s);
                    call(cb, "setBits", VOID, OBJ, INT, LONG);
                }
                popPush(fc, 3, null);
            }
            case ARRAY_LEN -> {
                call(cb, "length", INT, OBJ);
                popPush(fc, 1, TypeKind.INT);
            }
            case ARRAY_FILL -> {
                StorageType s = element(fc, in.index());
                if (JitGc.isRef(s)) {
                    call(cb, "fillRefs", VOID, OBJ, INT, OBJ, INT);
                } else {
                    int[] n = fc.spill(1);
                    toBits(cb, s);
                    cb.iload(n[0]);
                    call(cb, "fillBits", VOID, OBJ, INT, LONG, INT);
                }
                popPush(fc, 4, null);
            }
            case ARRAY_COPY -> {
                call(cb, "copy", VOID, OBJ, INT, OBJ, INT, INT);
                popPush(fc, 5, null);
            }
            case REF_TEST, REF_TEST_NULL -> {
                test(fc, op == Opcode.REF_TEST_NULL, in.heapType(), false);
                popPush(fc, 1, TypeKind.INT);
            }
            case REF_CAST, REF_CAST_NULL -> test(fc, op == Opcode.REF_CAST_NULL, in.heapType(), true);
            case BR_ON_CAST, BR_ON_CAST_FAIL -> brOnCast(fc, op == Opcode.BR_ON_CAST, in.index(),
                    in.refType2().nullable(), in.refType2().heapType());
            case ANY_CONVERT_EXTERN, EXTERN_CONVERT_ANY -> {
                // Identities: the same Java object stands for the value in both hierarchies.
            }
            case REF_I31 -> {
                call(cb, "i31", OBJ, INT);
                popPush(fc, 1, TypeKind.REFERENCE);
            }
            case I31_GET_S, I31_GET_U -> {
                call(cb, op == Opcode.I31_GET_S ? "i31GetS" : "i31GetU", INT, OBJ);
                popPush(fc, 1, TypeKind.INT);
            }
            default -> throw new dev.jawa.runtime.UnsupportedInstructionException(op);
        }
        return true;
    }

    private static void call(CodeBuilder cb, String name, ClassDesc result, ClassDesc... params) {
        cb.invokestatic(JitGc.CD, name, MethodTypeDesc.of(result, params));
    }

    /** Pops {@code n} operand types and pushes {@code result} (if not null). */
    private static void popPush(FunctionCompiler fc, int n, TypeKind result) {
        for (int i = 0; i < n; i++) {
            fc.pop();
        }
        if (result != null) {
            fc.push(result);
        }
    }

    private static StorageType field(FunctionCompiler fc, int type, int field) {
        return ((StructType) fc.wasm.type(type).composite()).fields().get(field).storage();
    }

    private static StorageType element(FunctionCompiler fc, int type) {
        return ((ArrayType) fc.wasm.type(type).composite()).element().storage();
    }

    /** The JVM kind of a value read from storage {@code s} (packed ones are i32). */
    private static TypeKind kind(StorageType s) {
        if (s instanceof PackedType) {
            return TypeKind.INT;
        }
        return s instanceof NumType n ? JvmTypes.kind(n) : TypeKind.REFERENCE;
    }

    /** Converts the JVM value on top to the stored raw bits of {@code s} (references unchanged). */
    private static void toBits(CodeBuilder cb, StorageType s) {
        if (s == PackedType.I8 || s == PackedType.I16) {
            cb.loadConstant(s == PackedType.I8 ? 0xFF : 0xFFFF);
            cb.iand();
            cb.i2l();
        } else if (s == NumType.I32) {
            cb.i2l();
        } else if (s == NumType.F32) {
            cb.invokestatic(ConstantDescs.CD_Float, "floatToRawIntBits", MethodTypeDesc.of(INT, ConstantDescs.CD_float));
            cb.i2l();
        } else if (s == NumType.F64) {
            cb.invokestatic(ConstantDescs.CD_Double, "doubleToRawLongBits", MethodTypeDesc.of(LONG, ConstantDescs.CD_double));
        }
    }

    /** Converts stored raw bits on top to the JVM value of {@code s}, sign-extending if asked. */
    private static void fromBits(CodeBuilder cb, StorageType s, boolean signed) {
        if (s == PackedType.I8 || s == PackedType.I16) {
            cb.l2i();
            if (signed) {
                if (s == PackedType.I8) {
                    cb.i2b();
                } else {
                    cb.i2s();
                }
            }
        } else if (s == NumType.I32) {
            cb.l2i();
        } else if (s == NumType.F32) {
            cb.l2i();
            cb.invokestatic(ConstantDescs.CD_Float, "intBitsToFloat", MethodTypeDesc.of(ConstantDescs.CD_float, INT));
        } else if (s == NumType.F64) {
            cb.invokestatic(ConstantDescs.CD_Double, "longBitsToDouble", MethodTypeDesc.of(ConstantDescs.CD_double, LONG));
        }
    }

    /** With (array, index, value) on the stack: converts the value and stores it. */
    private static void storeElement(CodeBuilder cb, StorageType s) {
        if (JitGc.isRef(s)) {
            cb.aastore();
        } else {
            toBits(cb, s);
            cb.lastore();
        }
    }

    /**
     * Pushes a new struct of type {@code type}, constructed inline (the field types are known
     * here); with {@code defaults}, its v128 fields are set to zero (numbers and references
     * start at zero and null anyway).
     */
    private static void newStruct(FunctionCompiler fc, int type, boolean defaults) {
        CodeBuilder cb = fc.cb;
        StructType st = (StructType) fc.wasm.type(type).composite();
        cb.new_(CD_STRUCT);
        cb.dup();
        fc.loadContext();
        cb.getfield(CTX, "types", CD_DEFINED.arrayType());
        cb.loadConstant(type);
        cb.aaload();
        cb.loadConstant(st.fields().size());
        cb.invokespecial(CD_STRUCT, ConstantDescs.INIT_NAME, MethodTypeDesc.of(VOID, CD_DEFINED, INT));
        for (int i = 0; defaults && i < st.fields().size(); i++) {
            if (st.fields().get(i).storage() == VecType.V128) {
                cb.dup();
                cb.getfield(CD_STRUCT, "refs", CD_OBJECTS);
                cb.loadConstant(i);
                cb.getstatic(CD_V128, "ZERO", CD_V128);
                cb.aastore();
            }
        }
    }

    private static void structNew(FunctionCompiler fc, int type) {
        CodeBuilder cb = fc.cb;
        StructType st = (StructType) fc.wasm.type(type).composite();
        int n = st.fields().size();
        int[] slots = fc.spill(n);
        newStruct(fc, type, false);
        for (int i = 0; i < n; i++) {
            StorageType s = st.fields().get(i).storage();
            boolean ref = JitGc.isRef(s);
            cb.dup();
            cb.getfield(CD_STRUCT, ref ? "refs" : "bits", ref ? CD_OBJECTS : CD_LONGS);
            cb.loadConstant(i);
            cb.loadLocal(fc.peek(n - 1 - i), slots[i]);
            storeElement(cb, s);
        }
        popPush(fc, n, TypeKind.REFERENCE);
    }

    /** array.new_fixed: the values are stored from the top of the stack down, one at a time. */
    private static void arrayNewFixed(FunctionCompiler fc, int type, int n) {
        CodeBuilder cb = fc.cb;
        StorageType s = element(fc, type);
        boolean ref = JitGc.isRef(s);
        int array = fc.scratchSlot(TypeKind.REFERENCE, 0);
        int value = fc.scratchSlot(ref ? TypeKind.REFERENCE : TypeKind.LONG, 1);
        cb.loadConstant(n);
        fc.loadContext();
        cb.loadConstant(type);
        call(cb, "newDefault", CD_ARRAY, INT, CTX, INT);
        cb.astore(array);
        for (int i = n - 1; i >= 0; i--) {
            if (ref) {
                cb.astore(value);
            } else {
                toBits(cb, s);
                cb.lstore(value);
            }
            cb.aload(array);
            cb.getfield(CD_ARRAY, ref ? "refs" : "bits", ref ? CD_OBJECTS : CD_LONGS);
            cb.loadConstant(i);
            if (ref) {
                cb.aload(value);
                cb.aastore();
            } else {
                cb.lload(value);
                cb.lastore();
            }
        }
        cb.aload(array);
        popPush(fc, n, TypeKind.REFERENCE);
    }

    /**
     * ref.test ({@code cast} false: leaves an int) or ref.cast (leaves the reference, or traps) of
     * the reference on top against (nullable, heap).
     */
    private static void test(FunctionCompiler fc, boolean nullable, HeapType heap, boolean cast) {
        CodeBuilder cb = fc.cb;
        if (cast) {
            cb.dup();
        }
        cb.loadConstant(nullable ? 1 : 0);
        if (heap instanceof TypeIndex t) {
            fc.loadContext();
            cb.loadConstant(t.index());
            call(cb, "testDefined", BOOL, OBJ, BOOL, CTX, INT);
        } else {
            call(cb, JitGc.testName((AbsHeapType) heap), BOOL, OBJ, BOOL);
        }
        if (cast) {
            call(cb, "checkCast", OBJ, OBJ, BOOL);
        }
    }

    /** br_on_cast (branch if the reference is in the type) or br_on_cast_fail (if it is not). */
    private static void brOnCast(FunctionCompiler fc, boolean onSuccess, int label, boolean nullable, HeapType heap) {
        CodeBuilder cb = fc.cb;
        cb.dup();
        test(fc, nullable, heap, false);
        if (fc.isPlainBranch(label)) {
            Control target = fc.control(label);
            if (onSuccess) {
                cb.ifne(target.label);
            } else {
                cb.ifeq(target.label);
            }
            target.used = true;
            return;
        }
        Label skip = fc.newLabel();
        if (onSuccess) {
            cb.ifeq(skip);
        } else {
            cb.ifne(skip);
        }
        fc.branch(label);
        cb.labelBinding(skip);
    }
}
