package dev.jawa.runtime;

import dev.jawa.WasmException;
import dev.jawa.module.Opcode;

/**
 * An instruction the execution tier does not implement yet (SIMD, GC, exceptions, atomics in the
 * first interpreter slice). Thrown when such an instruction is executed, never for code that
 * merely contains it, and never a trap: a script runner reports it as an unsupported feature.
 */
public class UnsupportedInstructionException extends WasmException {

    public UnsupportedInstructionException(Opcode op) {
        super("not implemented yet: " + op.mnemonic());
    }
}
