package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.types.AddressType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/** Table instructions: get, set, size, grow, fill, copy, init and elem.drop (see {@link JitTables}). */
final class TableEmitter implements InstructionFamily {

    private static final ClassDesc J = ConstantDescs.CD_long;
    private static final ClassDesc I = ConstantDescs.CD_int;
    private static final ClassDesc O = ConstantDescs.CD_Object;
    private static final ClassDesc V = ConstantDescs.CD_void;
    private static final ClassDesc T = JitTables.CD_TABLE;

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        CodeBuilder cb = fc.cb;
        switch (op) {
            case TABLE_GET -> {
                fc.operandsAsLongs(1);
                loadTable(fc, in.index());
                cb.invokestatic(JitTables.CD, "get", MethodTypeDesc.of(O, J, T));
                fc.push(TypeKind.REFERENCE);
            }
            case TABLE_SET -> {
                fc.operandsAsLongs(2);
                loadTable(fc, in.index());
                cb.invokestatic(JitTables.CD, "set", MethodTypeDesc.of(V, J, O, T));
            }
            case TABLE_SIZE -> {
                loadTable(fc, in.index());
                cb.invokevirtual(T, "size", MethodTypeDesc.of(I));
                if (is64(fc, in.index())) {
                    cb.i2l();
                    fc.push(TypeKind.LONG);
                } else {
                    fc.push(TypeKind.INT);
                }
            }
            case TABLE_GROW -> {
                fc.operandsAsLongs(2);
                loadTable(fc, in.index());
                cb.invokestatic(JitTables.CD, "grow", MethodTypeDesc.of(J, O, J, T));
                if (is64(fc, in.index())) {
                    fc.push(TypeKind.LONG);
                } else {
                    cb.l2i();
                    fc.push(TypeKind.INT);
                }
            }
            case TABLE_FILL -> {
                fc.operandsAsLongs(3);
                loadTable(fc, in.index());
                cb.invokestatic(JitTables.CD, "fill", MethodTypeDesc.of(V, J, O, J, T));
            }
            case TABLE_COPY -> {
                fc.operandsAsLongs(3);
                loadTable(fc, in.index());
                loadTable(fc, in.index2());
                cb.invokestatic(JitTables.CD, "copy", MethodTypeDesc.of(V, J, J, J, T, T));
            }
            case TABLE_INIT -> {
                fc.operandsAsLongs(3);
                fc.loadContext();
                cb.loadConstant(in.index2());
                cb.loadConstant(in.index());
                cb.invokestatic(JitTables.CD, "init", MethodTypeDesc.of(V, J, J, J, JvmTypes.CD_CONTEXT, I, I));
            }
            case ELEM_DROP -> {
                fc.loadContext();
                cb.loadConstant(in.index());
                cb.invokestatic(JitTables.CD, "elemDrop", MethodTypeDesc.of(V, JvmTypes.CD_CONTEXT, I));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean is64(FunctionCompiler fc, int table) {
        return fc.wasm.tableTypes().get(table).addressType() == AddressType.I64;
    }

    static void loadTable(FunctionCompiler fc, int index) {
        fc.loadContext();
        fc.cb.getfield(JvmTypes.CD_CONTEXT, "tables", JitTables.CD_TABLE.arrayType());
        fc.cb.loadConstant(index);
        fc.cb.aaload();
    }
}
