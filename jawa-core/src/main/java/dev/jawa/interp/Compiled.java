package dev.jawa.interp;

import dev.jawa.runtime.ModuleInstance;
import dev.jawa.runtime.WasmFunction;

/**
 * A function translated for the interpreter: its code as one int array (operation numbers from
 * {@link Ops} with their immediates inline, branch targets as absolute code indices) and the
 * sizes of its frame. A frame is {@code nLocals} local slots (parameters first) followed by at
 * most {@code maxStack} operand slots.
 */
final class Compiled {

    final WasmFunction function;
    final ModuleInstance instance;
    final int[] code;
    final int nParams;
    final int nLocals;
    final int nResults;
    /** Locals plus the operand-stack bound. */
    final int frameSize;
    /** Per local: whether it lives in the object slots (references, v128). */
    final boolean[] refLocal;
    /** The declared (non-parameter) v128 locals, which start as zero vectors, not null. */
    final int[] v128Locals;
    /**
     * Whether a declared (non-parameter) local lives in the object slots: only then does a call
     * clear those slots (a number's object slot is never read, so what is left there is harmless).
     */
    final boolean refLocalsDeclared;
    /** The try_table handlers (layout in {@link Translator}), innermost first. */
    final int[] handlers;

    /**
     * The same translation for another function at the same index of another instance of the
     * module (the code does not depend on the instance); with null, an instance-free template.
     */
    Compiled forFunction(WasmFunction other) {
        return new Compiled(other, code, nParams, nLocals, nResults, frameSize - nLocals, refLocal, v128Locals,
                handlers);
    }

    Compiled(WasmFunction function, int[] code, int nParams, int nLocals, int nResults, int maxStack,
            boolean[] refLocal, int[] v128Locals, int[] handlers) {
        this.function = function;
        this.instance = function == null ? null : function.instance();
        this.code = code;
        this.nParams = nParams;
        this.nLocals = nLocals;
        this.nResults = nResults;
        this.frameSize = nLocals + maxStack;
        this.refLocal = refLocal;
        this.v128Locals = v128Locals;
        this.handlers = handlers;
        boolean any = false;
        for (int i = nParams; i < refLocal.length; i++) {
            any |= refLocal[i];
        }
        this.refLocalsDeclared = any || nLocals > refLocal.length; // legacy try slots hold exceptions
    }
}
