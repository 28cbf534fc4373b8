package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.types.AddressType;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.VarHandle;

/**
 * The threads proposal's atomic instructions. Each becomes one call of an {@link AtomicAccess}
 * helper (load, store, rmw, cmpxchg, wait, notify): the operands as they are on the stack (the
 * address int or long by the memory's address type, values int or long by the instruction's
 * type), then the memarg's offset, the memory, the access width and, for rmw, the operator as
 * constants. Loads, rmw and cmpxchg return the old value zero-extended to a long, narrowed again
 * for i32 instructions. {@code atomic.fence} is {@link VarHandle#fullFence}.
 */
final class AtomicEmitter implements InstructionFamily {

    private static final ClassDesc I = ConstantDescs.CD_int;
    private static final ClassDesc J = ConstantDescs.CD_long;

    static boolean owns(Opcode op) {
        return op.prefix() == Opcode.PREFIX_ATOMIC;
    }

    /** Every atomic instruction compiles; kept for the families' common shape (dead code checks). */
    static void checkSupported(Opcode op) {
    }

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        if (!owns(op)) {
            return false;
        }
        CodeBuilder cb = fc.cb;
        if (op == Opcode.ATOMIC_FENCE) {
            cb.invokestatic(ClassDesc.of(VarHandle.class.getName()), "fullFence", MethodTypeDesc.of(ConstantDescs.CD_void));
            return true;
        }
        String sig = op.stack();
        int arrow = sig.indexOf('>');
        boolean addr64 = fc.wasm.memoryTypes().get(in.memIndex()).addressType() == AddressType.I64;
        String helper = helper(op);
        boolean rmw = helper.equals("rmw");
        ClassDesc[] params = new ClassDesc[arrow + (rmw ? 4 : 3)];
        for (int i = 0; i < arrow; i++) {
            char c = sig.charAt(i);
            params[i] = c == 'a' ? (addr64 ? J : I) : c == 'l' ? J : I;
        }
        int p = arrow;
        cb.loadConstant(in.memOffset());
        params[p++] = J;
        MemoryEmitter.loadMemory(fc, in.memIndex());
        params[p++] = MemoryEmitter.CD_MEMORY;
        cb.loadConstant(1 << op.naturalAlignLog2());
        params[p++] = I;
        if (rmw) {
            cb.loadConstant(operator(op));
            params[p] = I;
        }
        char resultChar = arrow == sig.length() - 1 ? 0 : sig.charAt(sig.length() - 1);
        ClassDesc ret = switch (helper) {
            case "store" -> ConstantDescs.CD_void;
            case "wait", "notify" -> I;
            default -> J;
        };
        cb.invokestatic(AtomicAccess.CD, helper, MethodTypeDesc.of(ret, params));
        if (ret == J && resultChar == 'i') {
            cb.l2i();
        }
        for (int i = 0; i < arrow; i++) {
            fc.pop();
        }
        if (resultChar != 0) {
            fc.push(resultChar == 'l' ? TypeKind.LONG : TypeKind.INT);
        }
        return true;
    }

    /** The {@link AtomicAccess} entry point for {@code op}, from its mnemonic. */
    private static String helper(Opcode op) {
        if (op == Opcode.MEMORY_ATOMIC_NOTIFY) {
            return "notify";
        }
        if (op == Opcode.MEMORY_ATOMIC_WAIT32 || op == Opcode.MEMORY_ATOMIC_WAIT64) {
            return "wait";
        }
        String name = op.mnemonic();
        if (!name.contains(".rmw")) {
            return name.substring(name.lastIndexOf('.') + 1).startsWith("load") ? "load" : "store";
        }
        return name.endsWith("cmpxchg") || name.endsWith("cmpxchg_u") ? "cmpxchg" : "rmw";
    }

    /** The {@link AtomicAccess} operator constant of an rmw instruction. */
    private static int operator(Opcode op) {
        String name = op.mnemonic();
        String tail = name.substring(name.lastIndexOf('.') + 1).replace("_u", "");
        return switch (tail) {
            case "add" -> AtomicAccess.ADD;
            case "sub" -> AtomicAccess.SUB;
            case "and" -> AtomicAccess.AND;
            case "or" -> AtomicAccess.OR;
            case "xor" -> AtomicAccess.XOR;
            case "xchg" -> AtomicAccess.XCHG;
            default -> throw new IllegalArgumentException("not a read-modify-write: " + name);
        };
    }
}
