package dev.jawa.jit;

import dev.jawa.binary.InstructionReader;
import dev.jawa.module.Opcode;
import dev.jawa.runtime.UnsupportedInstructionException;

/**
 * Stub for the exception instructions (throw, throw_ref, try_table, and the legacy try, catch,
 * catch_all, delegate, rethrow); to become JVM exceptions caught by exception-table entries. Not
 * compiled yet: a function containing one fails with {@link UnsupportedInstructionException}.
 */
final class ExceptionEmitter implements InstructionFamily {

    static boolean owns(Opcode op) {
        return switch (op) {
            case THROW, THROW_REF, TRY_TABLE, TRY, CATCH, CATCH_ALL, DELEGATE, RETHROW -> true;
            default -> false;
        };
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
