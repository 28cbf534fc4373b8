package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;

/**
 * The compiler's code for one family of instructions (numeric, memory, control...). The
 * {@link FunctionCompiler} offers each live instruction to the families in turn; the first that
 * returns true has emitted its bytecode and updated the operand types.
 */
interface InstructionFamily {

    /**
     * Emits {@code op} (its immediates are in {@code in}) if this family handles it.
     *
     * @return whether the instruction was handled
     * @throws dev.jawa.runtime.UnsupportedInstructionException if the family owns the
     *     instruction but cannot compile it yet
     */
    boolean emit(FunctionCompiler fc, Opcode op, InstructionReader in);
}
