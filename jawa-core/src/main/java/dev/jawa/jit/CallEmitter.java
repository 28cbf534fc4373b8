package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.types.FuncType;
import dev.jawa.types.TableType;
import dev.jawa.types.AddressType;
import java.lang.classfile.CodeBuilder;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Calls. A call to a function of the same module is an invokestatic of its method (HotSpot can
 * inline it). Everything else (imported functions, call_indirect, call_ref) finds the
 * FunctionInstance and passes it to the module class's dispatcher for the signature, which calls
 * the function's handle with invokeExact (see {@link JitCalls}).
 *
 * <p>Tail calls (return_call*) return the callee and its arguments to a trampoline (see
 * {@link JitTail}), so they run in constant JVM stack.
 */
final class CallEmitter implements InstructionFamily {

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        CodeBuilder cb = fc.cb;
        FuncType t;
        boolean tail = op == Opcode.RETURN_CALL || op == Opcode.RETURN_CALL_INDIRECT || op == Opcode.RETURN_CALL_REF;
        switch (op) {
            case CALL, RETURN_CALL -> {
                int f = in.index();
                t = fc.wasm.funcType(fc.wasm.funcTypeIndex(f));
                if (tail) {
                    fc.loadContext();
                    cb.getfield(JvmTypes.CD_CONTEXT, "functions", JitCalls.CD_FUNCTION.arrayType());
                    cb.loadConstant(f);
                    cb.aaload();
                } else if (fc.module.isCompiledHere(f)) {
                    // Its method, or the stub linking to it in another class of the module.
                    fc.loadContext();
                    cb.invokestatic(fc.module.classDesc, fc.module.callName(f), JvmTypes.methodDesc(t));
                } else {
                    fc.loadContext();
                    cb.getfield(JvmTypes.CD_CONTEXT, "functions", JitCalls.CD_FUNCTION.arrayType());
                    cb.loadConstant(f);
                    cb.aaload();
                    dispatch(fc, t);
                }
            }
            case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
                t = fc.wasm.funcType(in.index());
                TableType table = fc.wasm.tableTypes().get(in.index2());
                if (table.addressType() == AddressType.I32) {
                    fc.unsignedWiden();
                }
                fc.pop();
                fc.loadContext();
                cb.loadConstant(in.index2());
                cb.loadConstant(in.index());
                cb.invokestatic(JitCalls.CD, "indirect", MethodTypeDesc.of(JitCalls.CD_FUNCTION,
                        ConstantDescs.CD_long, JvmTypes.CD_CONTEXT, ConstantDescs.CD_int, ConstantDescs.CD_int));
                if (!tail) {
                    dispatch(fc, t);
                }
            }
            case CALL_REF, RETURN_CALL_REF -> {
                t = fc.wasm.funcType(in.index());
                fc.pop();
                cb.invokestatic(JitCalls.CD, "function", MethodTypeDesc.of(JitCalls.CD_FUNCTION, ConstantDescs.CD_Object));
                if (!tail) {
                    dispatch(fc, t);
                }
            }
            default -> {
                return false;
            }
        }
        if (tail) {
            // The callee is on top of its arguments (whose types are still on the type stack).
            fc.emitTailCall(t.params());
            fc.markDead();
            return true;
        }
        for (int i = 0; i < t.params().size(); i++) {
            fc.pop();
        }
        fc.pushCallResults(t.results());
        return true;
    }

    /** Arguments and a FunctionInstance on the stack: calls the module's dispatcher for {@code t}. */
    private static void dispatch(FunctionCompiler fc, FuncType t) {
        fc.loadContext();
        fc.cb.invokestatic(fc.module.classDesc, fc.module.dispatcher(t), ModuleCompiler.dispatcherDesc(t));
    }
}
