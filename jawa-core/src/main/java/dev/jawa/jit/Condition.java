package dev.jawa.jit;

import java.lang.classfile.Opcode;

/**
 * The JVM conditional jumps a WebAssembly comparison becomes, with their negations. A comparison
 * followed by br_if, if, select or i32.eqz is not turned into a 0/1 value: its operands stay on
 * the JVM stack and the consumer jumps on them directly (see {@link FunctionCompiler#pending}).
 */
final class Condition {

    private Condition() {
    }

    /** The jump taken exactly when {@code jump} is not. */
    static Opcode negate(Opcode jump) {
        return switch (jump) {
            case IFEQ -> Opcode.IFNE;
            case IFNE -> Opcode.IFEQ;
            case IFLT -> Opcode.IFGE;
            case IFGE -> Opcode.IFLT;
            case IFGT -> Opcode.IFLE;
            case IFLE -> Opcode.IFGT;
            case IF_ICMPEQ -> Opcode.IF_ICMPNE;
            case IF_ICMPNE -> Opcode.IF_ICMPEQ;
            case IF_ICMPLT -> Opcode.IF_ICMPGE;
            case IF_ICMPGE -> Opcode.IF_ICMPLT;
            case IF_ICMPGT -> Opcode.IF_ICMPLE;
            case IF_ICMPLE -> Opcode.IF_ICMPGT;
            case IFNULL -> Opcode.IFNONNULL;
            case IFNONNULL -> Opcode.IFNULL;
            default -> throw new IllegalArgumentException("not a conditional jump: " + jump);
        };
    }
}
