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
 * <p>Speed: the most frequent instructions (single-byte opcodes with one LEB128 immediate of
 * one or two bytes, one-byte memargs, empty or numeric block types, floats) are sized here from a
 * per-byte table derived from {@link Opcode}; their encodings are always valid and canonical,
 * so nothing is lost by not decoding them. Everything else, including every error, goes
 * through InstructionReader. This takes about a fifth off the decoding time of typical code.
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

    // Single-byte opcodes by their byte: role, and how quickLength sizes them.
    private static final byte Q_SLOW = 0;
    private static final byte Q_ONE = 1;
    private static final byte Q_LEB = 2;
    private static final byte Q_MEMARG = 3;
    private static final byte Q_BLOCK = 4;
    private static final byte Q_F32 = 5;
    private static final byte Q_F64 = 6;
    private static final byte[] QUICK = new byte[256];
    private static final byte[] ROLE_BY_BYTE = new byte[256];

    static {
        for (int b = 0; b < 256; b++) {
            Opcode op = Opcode.single(b);
            if (op == null) {
                continue; // prefixes and illegal bytes: InstructionReader
            }
            ROLE_BY_BYTE[b] = ROLE[op.ordinal()];
            QUICK[b] = switch (op.imm()) {
                case NONE -> Q_ONE;
                case LABEL, FUNC, TYPE, LOCAL, GLOBAL, TABLE, TAG, MEMORY, DATA, ELEM, I32, I64 -> Q_LEB;
                case MEMARG -> Q_MEMARG;
                case BLOCK_TYPE -> Q_BLOCK;
                case F32 -> Q_F32;
                case F64 -> Q_F64;
                default -> Q_SLOW;
            };
        }
    }

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
    private boolean emptyElse;
    private final boolean quick;

    /** A scanner reading from {@code in}, whose buffer is {@code input}. */
    ExprScanner(byte[] input, InstructionReader in) {
        this(input, in, true);
    }

    /**
     * A scanner that sizes the common trivially valid instructions itself if {@code quick}, or
     * hands every instruction to InstructionReader (for tests comparing the two).
     */
    ExprScanner(byte[] input, InstructionReader in, boolean quick) {
        this.input = input;
        this.in = in;
        this.quick = quick;
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
        emptyElse = false;
        skipToEnd();
        int end = in.position();
        if (in.isCanonical() && !emptyElse) {
            return Expr.ofCanonical(Arrays.copyOfRange(input, start, end));
        }
        return recode(start, end);
    }

    private void skipToEnd() {
        byte[] code = input;
        int limit = in.limit();
        int p = in.position();
        byte[] fs = frames;
        int depth = 0;
        int afterElse = -1;
        fs[0] = F_BLOCK;
        while (true) {
            int at = p;
            byte role;
            int length = quick && p < limit ? quickLength(code, p, limit) : 0;
            if (length != 0) {
                role = ROLE_BY_BYTE[code[p] & 0xFF];
                p += length;
            } else {
                in.position(p);
                role = ROLE[in.next().ordinal()];
                p = in.position();
            }
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
                    requireFrame(fs[depth] == F_IF, at);
                    fs[depth] = F_BLOCK;
                    afterElse = p;
                }
                case CATCH -> {
                    requireFrame(fs[depth] == F_TRY || fs[depth] == F_TRY_CATCH, at);
                    fs[depth] = F_TRY_CATCH;
                }
                case CATCH_ALL -> {
                    requireFrame(fs[depth] == F_TRY || fs[depth] == F_TRY_CATCH, at);
                    fs[depth] = F_BLOCK;
                }
                case DELEGATE -> {
                    requireFrame(depth > 0 && fs[depth] == F_TRY, at);
                    depth--;
                }
                case END -> {
                    if (at == afterElse) {
                        emptyElse = true; // "else end": the else is redundant, so not canonical
                    }
                    if (depth == 0) {
                        in.position(p);
                        return;
                    }
                    depth--;
                }
                case USES_DATA -> usesDataIndex = true;
                default -> throw new AssertionError(role);
            }
        }
    }

    /**
     * The length of the instruction at {@code p} if it is one of the common encodings that are
     * always valid and canonical, else 0 (the caller then leaves it to InstructionReader): a
     * single-byte opcode without immediates; or with one LEB128 number of one byte, or of two
     * bytes whose second is neither 0 nor 0x7F (minimal both signed and unsigned, and 14 bits
     * fit every width); or with a one-byte memarg for memory 0; or with an empty or numeric
     * block type; or with a float.
     */
    private static int quickLength(byte[] code, int p, int limit) {
        int b = code[p] & 0xFF;
        return switch (QUICK[b]) {
            case Q_ONE -> 1;
            case Q_LEB -> {
                if (p + 2 >= limit) {
                    yield p + 1 < limit && code[p + 1] >= 0 ? 2 : 0;
                }
                int c = code[p + 1];
                int d = code[p + 2];
                // One byte, or two in minimal form (whose second byte adds information).
                yield c >= 0 ? 2 : d > 0 && d != 0x7F ? 3 : 0;
            }
            case Q_MEMARG -> p + 2 < limit && code[p + 1] >= 0 && code[p + 1] < 0x40 && code[p + 2] >= 0 ? 3 : 0;
            case Q_BLOCK -> {
                if (p + 1 >= limit) {
                    yield 0;
                }
                int t = code[p + 1] & 0xFF;
                yield t == 0x40 || (t >= 0x7B && t <= 0x7F) ? 2 : 0;
            }
            case Q_F32 -> p + 4 < limit ? 5 : 0;
            case Q_F64 -> p + 8 < limit ? 9 : 0;
            default -> 0;
        };
    }

    private void requireFrame(boolean allowed, int at) {
        if (!allowed) {
            throw in.errorAt("END opcode expected", at);
        }
    }

    /**
     * Re-emits the already checked code in {@code input[start, end)} canonically: minimal
     * encodings, and without an empty {@code else} (which the binary and text formats both allow
     * to be left out, so that equal code has equal bytes).
     */
    private Expr recode(int start, int end) {
        InstructionReader r = new InstructionReader(input, start, end, 0);
        InstructionWriter w = writer;
        w.reset();
        while (r.hasMore()) {
            Opcode op = r.next();
            if (op == Opcode.ELSE && r.hasMore() && (input[r.position()] & 0xFF) == Opcode.END.code()) {
                continue;
            }
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
