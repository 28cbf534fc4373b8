package dev.jawa.interp;

import dev.jawa.runtime.Memory;
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
    /**
     * The instance's memory 0, or null: the only memory the dispatch loop accesses directly (the
     * translator sends the others through Ext), which saves an array load and bounds check per access.
     */
    final Memory mem0;
    final int[] code;
    final int nParams;
    final int nLocals;
    final int nResults;
    /**
     * Whether a result lives in the object slots (a reference or v128): only then does a return
     * copy object slots (a number's object slot is never read, and storing into an Object[] costs
     * a GC barrier).
     */
    final boolean refResults;
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
    /** Pairs (code index where a loop starts, body offset of its {@code loop} instruction), for OSR. */
    final int[] loops;
    /**
     * Calls and backward branches left before the interpreter asks its {@link TierUp} whether this
     * function has compiled code (racy by design: a count lost between threads does not matter).
     */
    int hotness = TierUp.FIRST_BUDGET;
    /**
     * Where traps and calls come from, for stack traces: pairs (code index, byte offset in the
     * body) for each instruction that can trap or call, in code order. Instructions that can
     * do neither (locals, constants, branches, most arithmetic) are left out to keep it small.
     */
    final int[] offsets;

    /**
     * The same translation for another function at the same index of another instance of the
     * module (the code does not depend on the instance); with null, an instance-free template.
     */
    Compiled forFunction(WasmFunction other) {
        return new Compiled(other, code, nParams, nLocals, nResults, refResults, frameSize - nLocals, refLocal,
                v128Locals, handlers, offsets, loops);
    }

    Compiled(WasmFunction function, int[] code, int nParams, int nLocals, int nResults, boolean refResults,
            int maxStack, boolean[] refLocal, int[] v128Locals, int[] handlers, int[] offsets, int[] loops) {
        this.refResults = refResults;
        this.function = function;
        this.instance = function == null ? null : function.instance();
        this.mem0 = instance == null || instance.memories().length == 0 ? null : instance.memories()[0];
        this.code = code;
        this.nParams = nParams;
        this.nLocals = nLocals;
        this.nResults = nResults;
        this.frameSize = nLocals + maxStack;
        this.refLocal = refLocal;
        this.v128Locals = v128Locals;
        this.handlers = handlers;
        this.offsets = offsets;
        this.loops = loops;
        boolean any = false;
        for (int i = nParams; i < refLocal.length; i++) {
            any |= refLocal[i];
        }
        this.refLocalsDeclared = any || nLocals > refLocal.length; // legacy try slots hold exceptions
    }

    /**
     * The body offset of the instruction running when execution left this frame at {@code pc}
     * (just past the trapping instruction's start, or a call's return address): the last
     * recorded instruction that starts before {@code pc}; -1 if none does.
     */
    int wasmOffset(int pc) {
        int lo = 0;
        int hi = offsets.length / 2 - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (offsets[2 * mid] < pc) {
                found = offsets[2 * mid + 1];
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The body offset of the loop starting at code index {@code pc}, or -1. */
    int loopAt(int pc) {
        for (int i = 0; i < loops.length; i += 2) {
            if (loops[i] == pc) {
                return loops[i + 1];
            }
        }
        return -1;
    }
}
