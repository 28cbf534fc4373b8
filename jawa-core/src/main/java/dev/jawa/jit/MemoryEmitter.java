package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.types.AddressType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Memory instructions: loads and stores (through {@link MemoryAccess}), memory.size and
 * memory.grow, and the bulk operations (fill, copy, init, data.drop).
 */
final class MemoryEmitter implements InstructionFamily {

    static final ClassDesc CD_MEMORY = ClassDesc.of("dev.jawa.runtime.Memory");
    private static final ClassDesc I = ConstantDescs.CD_int;
    private static final ClassDesc J = ConstantDescs.CD_long;
    private static final ClassDesc V = ConstantDescs.CD_void;

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        if (op.prefix() == Opcode.PREFIX_SIMD || op.prefix() == Opcode.PREFIX_ATOMIC) {
            return false;
        }
        CodeBuilder cb = fc.cb;
        switch (op) {
            case I32_LOAD -> load(fc, in, "loadI32", I, TypeKind.INT);
            case I64_LOAD -> load(fc, in, "loadI64", J, TypeKind.LONG);
            case F32_LOAD -> {
                load(fc, in, "loadI32", I, TypeKind.FLOAT);
                cb.invokestatic(ConstantDescs.CD_Float, "intBitsToFloat", MethodTypeDesc.of(ConstantDescs.CD_float, I));
            }
            case F64_LOAD -> {
                load(fc, in, "loadI64", J, TypeKind.DOUBLE);
                cb.invokestatic(ConstantDescs.CD_Double, "longBitsToDouble", MethodTypeDesc.of(ConstantDescs.CD_double, J));
            }
            case I32_LOAD8_S -> load(fc, in, "loadI8", I, TypeKind.INT);
            case I32_LOAD8_U -> load(fc, in, "loadU8", I, TypeKind.INT);
            case I32_LOAD16_S -> load(fc, in, "loadI16", I, TypeKind.INT);
            case I32_LOAD16_U -> load(fc, in, "loadU16", I, TypeKind.INT);
            case I64_LOAD8_S -> widened(fc, in, "loadI8");
            case I64_LOAD8_U -> widened(fc, in, "loadU8");
            case I64_LOAD16_S -> widened(fc, in, "loadI16");
            case I64_LOAD16_U -> widened(fc, in, "loadU16");
            case I64_LOAD32_S -> widened(fc, in, "loadI32");
            case I64_LOAD32_U -> {
                load(fc, in, "loadI32", I, TypeKind.LONG);
                fc.unsignedWiden();
            }
            case I32_STORE -> store(fc, in, "storeI32", I);
            case I64_STORE -> store(fc, in, "storeI64", J);
            case F32_STORE -> {
                cb.invokestatic(ConstantDescs.CD_Float, "floatToRawIntBits", MethodTypeDesc.of(I, ConstantDescs.CD_float));
                store(fc, in, "storeI32", I);
            }
            case F64_STORE -> {
                cb.invokestatic(ConstantDescs.CD_Double, "doubleToRawLongBits", MethodTypeDesc.of(J, ConstantDescs.CD_double));
                store(fc, in, "storeI64", J);
            }
            case I32_STORE8 -> store(fc, in, "storeI8", I);
            case I32_STORE16 -> store(fc, in, "storeI16", I);
            case I64_STORE8 -> {
                cb.l2i();
                store(fc, in, "storeI8", I);
            }
            case I64_STORE16 -> {
                cb.l2i();
                store(fc, in, "storeI16", I);
            }
            case I64_STORE32 -> {
                cb.l2i();
                store(fc, in, "storeI32", I);
            }
            case MEMORY_SIZE -> {
                loadMemory(fc, in.index());
                cb.invokevirtual(CD_MEMORY, "pages", MethodTypeDesc.of(J));
                if (is64(fc, in.index())) {
                    fc.push(TypeKind.LONG);
                } else {
                    cb.l2i();
                    fc.push(TypeKind.INT);
                }
            }
            case MEMORY_GROW -> {
                TypeKind k = fc.peek(0);
                loadMemory(fc, in.index());
                ClassDesc a = k == TypeKind.LONG ? J : I;
                cb.invokestatic(MemoryAccess.CD, "grow", MethodTypeDesc.of(a, a, CD_MEMORY));
            }
            case MEMORY_FILL -> {
                fc.operandsAsLongs(3);
                loadMemory(fc, in.index());
                cb.invokestatic(MemoryAccess.CD, "fill", MethodTypeDesc.of(V, J, J, J, CD_MEMORY));
            }
            case MEMORY_COPY -> {
                fc.operandsAsLongs(3);
                loadMemory(fc, in.index());
                loadMemory(fc, in.index2());
                cb.invokestatic(MemoryAccess.CD, "copy", MethodTypeDesc.of(V, J, J, J, CD_MEMORY, CD_MEMORY));
            }
            case MEMORY_INIT -> {
                fc.operandsAsLongs(3);
                fc.loadContext();
                cb.loadConstant(in.index2());
                cb.loadConstant(in.index());
                cb.invokestatic(MemoryAccess.CD, "init", MethodTypeDesc.of(V, J, J, J, JvmTypes.CD_CONTEXT, I, I));
            }
            case DATA_DROP -> {
                fc.loadContext();
                cb.loadConstant(in.index());
                cb.invokestatic(MemoryAccess.CD, "dataDrop", MethodTypeDesc.of(V, JvmTypes.CD_CONTEXT, I));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static boolean is64(FunctionCompiler fc, int memory) {
        return fc.wasm.memoryTypes().get(memory).addressType() == AddressType.I64;
    }

    /** Pushes memory {@code index} (memory 0 has a field of its own in the context). */
    static void loadMemory(FunctionCompiler fc, int index) {
        if (index == 0) {
            fc.cb.aload(fc.mem0Slot);
        } else {
            fc.loadContext();
            fc.cb.getfield(JvmTypes.CD_CONTEXT, "memories", CD_MEMORY.arrayType());
            fc.cb.loadConstant(index);
            fc.cb.aaload();
        }
    }

    /**
     * Whether an access can take {@link IntIndexAccess}'s int-arithmetic path: a 32-bit memory
     * that is not shared (so it starts as one byte[]) and an offset below 2^31.
     */
    private static boolean intIndexed(FunctionCompiler fc, InstructionReader in) {
        return intIndexed(fc.wasm.memoryTypes(), in.memIndex()) && in.memOffset() >= 0 && in.memOffset() < (1L << 31);
    }

    /** Whether memory {@code index} is 32-bit and unshared (it starts as one byte[]). */
    static boolean intIndexed(java.util.List<dev.jawa.types.MemoryType> memories, int index) {
        if (index >= memories.size()) {
            return false;
        }
        var t = memories.get(index);
        return t.addressType() == AddressType.I32 && !t.shared();
    }

    /**
     * Pushes what {@link IntIndexAccess} takes after the offset: memory 0's array from its local
     * and the memory; for other memories, the memory alone.
     */
    private static MethodTypeDesc intIndexArgs(FunctionCompiler fc, int memory, ClassDesc ret, ClassDesc... lead) {
        java.util.List<ClassDesc> params = new java.util.ArrayList<>(java.util.List.of(lead));
        if (memory == 0 && fc.heap0Slot >= 0) {
            fc.cb.aload(fc.heap0Slot);
            params.add(ConstantDescs.CD_byte.arrayType());
        }
        loadMemory(fc, memory);
        params.add(CD_MEMORY);
        return MethodTypeDesc.of(ret, params);
    }

    private static ClassDesc addressDesc(FunctionCompiler fc, int memory) {
        return is64(fc, memory) ? J : I;
    }

    /** address -> value: calls {@code name}(address, offset, memory) and types the result {@code result}. */
    private static void load(FunctionCompiler fc, InstructionReader in, String name, ClassDesc ret, TypeKind result) {
        CodeBuilder cb = fc.cb;
        if (intIndexed(fc, in)) {
            cb.loadConstant((int) in.memOffset());
            cb.invokestatic(IntIndexAccess.CD, name, intIndexArgs(fc, in.memIndex(), ret, I, I));
            fc.pop();
            fc.push(result);
            return;
        }
        cb.loadConstant(in.memOffset());
        loadMemory(fc, in.memIndex());
        cb.invokestatic(MemoryAccess.CD, name, MethodTypeDesc.of(ret, addressDesc(fc, in.memIndex()), J, CD_MEMORY));
        fc.pop();
        fc.push(result);
    }

    private static void widened(FunctionCompiler fc, InstructionReader in, String name) {
        load(fc, in, name, I, TypeKind.LONG);
        fc.cb.i2l();
    }

    /** address value -> (nothing): the value already converted to the int or long {@code value}. */
    private static void store(FunctionCompiler fc, InstructionReader in, String name, ClassDesc value) {
        CodeBuilder cb = fc.cb;
        if (intIndexed(fc, in)) {
            cb.loadConstant((int) in.memOffset());
            cb.invokestatic(IntIndexAccess.CD, name, intIndexArgs(fc, in.memIndex(), ConstantDescs.CD_void, I, value, I));
            fc.pop();
            fc.pop();
            return;
        }
        cb.loadConstant(in.memOffset());
        loadMemory(fc, in.memIndex());
        cb.invokestatic(MemoryAccess.CD, name, MethodTypeDesc.of(ConstantDescs.CD_void, addressDesc(fc, in.memIndex()), value, J, CD_MEMORY));
        fc.pop();
        fc.pop();
    }
}
