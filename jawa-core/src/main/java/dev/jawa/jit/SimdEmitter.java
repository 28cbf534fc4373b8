package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.UnsupportedInstructionException;

/**
 * Stub for the SIMD (v128) instructions; to be compiled through jdk.incubator.vector or scalar code. Not compiled yet: a function containing one fails with
 * {@link UnsupportedInstructionException} (see {@code package-info} for how to fill this in).
 */
final class SimdEmitter implements InstructionFamily {

    static boolean owns(Opcode op) {
        return op.prefix() == Opcode.PREFIX_SIMD;
    }

    /** Throws if this family cannot compile {@code op} (used for instructions in dead code too). */
    static void checkSupported(Opcode op) {
        if (owns(op)) {
            throw new UnsupportedInstructionException(op);
        }
    }

    @Override
    public boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in) {
        checkSupported(op);
        return false;
    }
}
