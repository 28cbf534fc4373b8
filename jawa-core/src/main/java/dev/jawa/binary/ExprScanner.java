package dev.jawa.binary;

import dev.jawa.module.Expr;
import dev.jawa.module.Opcode;
import java.util.Arrays;

/**
 * Finds where an expression (a function body or a constant expression) ends in the input and
 * turns it into an {@link Expr}.
 *
 * <p>The walk decodes every instruction with {@link InstructionReader} (which checks opcodes and
 * immediates) and follows block structure: {@code block}, {@code loop}, {@code if}, {@code try}
 * and {@code try_table} open a block, {@code end} closes one (the final one ends the expression),
 * and the legacy {@code delegate} closes a {@code try}. {@code else}, {@code catch},
 * {@code catch_all} and {@code delegate} where their block does not allow them fail with the
 * reference interpreter's "END opcode expected": it stops a block's instruction sequence at
 * such an opcode and then demands the block's {@code end}.
 *
 * <p>Fast path: when everything read was in canonical encoding, the expression is one copy of
 * the input range; otherwise it is re-emitted canonically through {@link InstructionWriter}.
 * Nothing is allocated per instruction here.
 */
final class ExprScanner {

    // What an opcode does to block structure, indexed by Opcode.ordinal().
    private static final byte PLAIN = 0;
    private static final byte OPENS_BLOCK = 1;
    private static final byte OPENS_IF = 2;
    private static final byte OPENS_TRY = 3;
    private static final byte ELSE = 4;
    private static final byte CATCH = 5;
    private static final byte CATCH_ALL = 6;
    private static final byte DELEGATE = 7;
    private static final byte END = 8;
    private static final byte USES_DATA = 9;
    private static final byte[] ROLE = roles();

    // Kinds of open blocks on the frame stack.
    private static final byte F_BLOCK = 0;
    private static final byte F_IF = 1;
    private static final byte F_TRY = 2;
    private static final byte F_TRY_CATCH = 3;

    private final byte[] input;
    private final InstructionReader in;
    private final InstructionWriter writer = new InstructionWriter(1024);
    private byte[] frames = new byte[32];
    private boolean usesDataIndex;

    /** A scanner reading from {@code in}, whose buffer is {@code input}. */
    ExprScanner(byte[] input, InstructionReader in) {
        this.input = input;
        this.in = in;
    }

    /** Whether an expression read since {@link #resetDataUse()} used a data index. */
    boolean usesDataIndex() {
        return usesDataIndex;
    }

    /** Starts noting data index uses (memory.init, data.drop, array.new_data, array.init_data) anew. */
    void resetDataUse() {
        usesDataIndex = false;
    }

    /** Reads the expression at the reader's position, through its final {@code end}. */
    Expr read() {
        int start = in.position();
        in.resetCanonical();
        skipToEnd();
        int end = in.position();
        if (in.isCanonical()) {
            return Expr.ofCanonical(Arrays.copyOfRange(input, start, end));
        }
        return recode(start, end);
    }

    private void skipToEnd() {
        byte[] fs = frames;
        int depth = 0;
        fs[0] = F_BLOCK;
        while (true) {
            byte role = ROLE[in.next().ordinal()];
            if (role == PLAIN) {
                continue; // most instructions: one well-predicted branch
            }
            switch (role) {
                case OPENS_BLOCK, OPENS_IF, OPENS_TRY -> {
                    if (++depth == fs.length) {
                        fs = frames = Arrays.copyOf(fs, fs.length * 2);
                    }
                    fs[depth] = role == OPENS_IF ? F_IF : role == OPENS_TRY ? F_TRY : F_BLOCK;
                }
                case ELSE -> {
                    requireFrame(fs[depth] == F_IF);
                    fs[depth] = F_BLOCK;
                }
                case CATCH -> {
                    requireFrame(fs[depth] == F_TRY || fs[depth] == F_TRY_CATCH);
                    fs[depth] = F_TRY_CATCH;
                }
                case CATCH_ALL -> {
                    requireFrame(fs[depth] == F_TRY || fs[depth] == F_TRY_CATCH);
                    fs[depth] = F_BLOCK;
                }
                case DELEGATE -> {
                    requireFrame(depth > 0 && fs[depth] == F_TRY);
                    depth--;
                }
                case END -> {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
                case USES_DATA -> usesDataIndex = true;
                default -> throw new AssertionError(role);
            }
        }
    }

    private void requireFrame(boolean allowed) {
        if (!allowed) {
            throw in.errorAt("END opcode expected", in.instructionStart());
        }
    }

    /** Re-emits the already checked code in {@code input[start, end)} canonically. */
    private Expr recode(int start, int end) {
        InstructionReader r = new InstructionReader(input, start, end, 0);
        InstructionWriter w = writer;
        w.reset();
        while (r.hasMore()) {
            r.next();
            w.copy(r);
        }
        return w.toExpr();
    }

    private static byte[] roles() {
        Opcode[] all = Opcode.values();
        byte[] roles = new byte[all.length];
        for (Opcode op : all) {
            roles[op.ordinal()] = switch (op) {
                case BLOCK, LOOP, TRY_TABLE -> OPENS_BLOCK;
                case IF -> OPENS_IF;
                case TRY -> OPENS_TRY;
                case ELSE -> ELSE;
                case CATCH -> CATCH;
                case CATCH_ALL -> CATCH_ALL;
                case DELEGATE -> DELEGATE;
                case END -> END;
                default -> switch (op.imm()) {
                    case DATA, MEMORY_INIT, TYPE_DATA -> USES_DATA;
                    default -> PLAIN;
                };
            };
        }
        return roles;
    }
}
