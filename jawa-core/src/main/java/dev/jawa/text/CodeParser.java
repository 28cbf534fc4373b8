package dev.jawa.text;

import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.BlockType;
import dev.jawa.module.Catch;
import dev.jawa.module.Expr;
import dev.jawa.module.Opcode;
import dev.jawa.types.FuncType;
import dev.jawa.types.ValType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parses instruction sequences, flat and folded, into canonical binary code.
 *
 * <p>Nesting is handled with an explicit frame stack, never Java recursion, so 100,000 nested
 * blocks parse in constant Java stack. A folded plain instruction {@code (op imm... child...)}
 * is emitted after its children: its immediates are checked when it opens, and read again from
 * the tokens (emitting this time) when it closes, which needs no buffer per instruction and
 * creates implicit types in the order the instructions appear in the binary, as wat2wasm does.
 */
final class CodeParser {

    private static final int ROOT = 0;
    private static final int FLAT_BLOCK = 1;
    private static final int FLAT_IF = 2;
    private static final int FLAT_TRY = 3;
    private static final int FOLD_PLAIN = 4;
    private static final int FOLD_BLOCK = 5;
    private static final int FOLD_IF = 6;
    private static final int FOLD_THEN = 7;
    private static final int FOLD_ELSE = 8;
    private static final int FOLD_TRY = 9;
    private static final int FOLD_DO = 10;
    private static final int FOLD_CATCH = 11;

    // FLAT_IF states
    private static final int IN_THEN = 0;
    private static final int IN_ELSE = 1;
    // FLAT_TRY and FOLD_TRY states
    private static final int TRY_BODY = 0;
    private static final int TRY_CATCH = 1;
    private static final int TRY_CATCH_ALL = 2;
    private static final int TRY_DELEGATED = 3;
    private static final int TRY_EXPECT_DO = 4;
    // FOLD_IF states
    private static final int IF_COND = 0;
    private static final int IF_AFTER_THEN = 1;
    private static final int IF_AFTER_ELSE = 2;

    private final TokenCursor c;
    private final ModuleContext ctx;
    private final TypeParser types;
    private final InstructionWriter scratch = new InstructionWriter(64);
    private final PlainInstructionParser plain;
    private InstructionWriter out;

    private final LabelStack labels = new LabelStack();
    private Map<Integer, Annotation> hints;
    private int[] hintOffsets = new int[4];
    private int[] hintValues = new int[4];
    private int hintCount;
    /**
     * The frame whose {@code else} is not written yet (-1 if none): an else branch without
     * instructions is left out, as the reference interpreter and wat2wasm encode it.
     */
    private int pendingElse = -1;

    private int[] kinds = new int[32];
    private int[] states = new int[32];
    private int[] toks = new int[32];
    private int[] frameHints = new int[32];
    private String[] frameLabels = new String[32];
    private int depth;

    CodeParser(TokenCursor c, ModuleContext ctx, TypeParser types) {
        this.c = c;
        this.ctx = ctx;
        this.types = types;
        this.plain = new PlainInstructionParser(c, ctx, types, labels);
    }

    /** Whether any code parsed so far uses a data index (the module then needs a data count). */
    boolean usesDataIndex() {
        return plain.usesDataIndex();
    }

    /** The branch hints of the last function body: byte offsets in its code, and values. */
    int hintCount() {
        return hintCount;
    }

    int hintOffset(int i) {
        return hintOffsets[i];
    }

    int hintValue(int i) {
        return hintValues[i];
    }

    /**
     * Parses a function body up to (not including) the closing parenthesis of the function.
     *
     * @param localSpace the parameters and locals
     * @param hintAnchors branch hint annotations by anchor token, consumed as they are used
     */
    Expr functionBody(IndexSpace localSpace, Map<Integer, Annotation> hintAnchors) {
        plain.setLocals(localSpace);
        hints = hintAnchors;
        hintCount = 0;
        labels.clear();
        labels.push(null); // the function's own label
        Expr e = run(-1);
        hints = null;
        return e;
    }

    /**
     * Parses a constant expression: the instructions up to the closing parenthesis, or with
     * {@code stopAt} >= 0, exactly the tokens before index {@code stopAt} (one folded
     * instruction given as an abbreviation).
     */
    Expr constExpr(int stopAt) {
        plain.setLocals(null);
        hints = null;
        labels.clear();
        return run(stopAt);
    }

    private Expr run(int stopAt) {
        out = new InstructionWriter(64);
        depth = 0;
        pendingElse = -1;
        push(ROOT, 0, -1, -1);
        while (true) {
            if (depth == 1 && c.pos() == stopAt) {
                break;
            }
            byte k = c.kind();
            if (k == TokenKind.LPAREN) {
                lparen();
            } else if (k == TokenKind.RPAREN) {
                if (kinds[depth - 1] == ROOT) {
                    break;
                }
                rparen();
            } else if (k == TokenKind.KEYWORD) {
                keyword();
            } else {
                throw c.unexpected();
            }
        }
        out.op(Opcode.END);
        return out.toExpr();
    }

    // ---- frames

    private void push(int kind, int state, int tok, int hint) {
        if (depth == kinds.length) {
            int n = depth * 2;
            kinds = Arrays.copyOf(kinds, n);
            states = Arrays.copyOf(states, n);
            toks = Arrays.copyOf(toks, n);
            frameHints = Arrays.copyOf(frameHints, n);
            frameLabels = Arrays.copyOf(frameLabels, n);
        }
        kinds[depth] = kind;
        states[depth] = state;
        toks[depth] = tok;
        frameHints[depth] = hint;
        frameLabels[depth] = null;
        depth++;
    }

    private void pop() {
        depth--;
        frameLabels[depth] = null;
    }

    private static boolean allowsFlat(int kind) {
        return kind != FOLD_PLAIN && kind != FOLD_IF && kind != FOLD_TRY;
    }

    // ---- branch hints

    private int takeHint(int anchor) {
        if (hints == null || hints.isEmpty()) {
            return -1;
        }
        Annotation a = hints.remove(anchor);
        return a == null ? -1 : hintValue(a);
    }

    private int hintValue(Annotation a) {
        TokenStream side = c.tokens().annotationTokens();
        if (a.end() - a.first() != 1 || side.kind(a.first()) != TokenKind.STRING) {
            throw c.errorAtOffset(a.offset(), "@metadata.code.branch_hint annotation: unexpected token");
        }
        byte[] b = StringLiteral.decode(side.source(), side.start(a.first()), side.end(a.first()));
        if (b.length != 1) {
            throw c.errorAtOffset(a.offset(), "@metadata.code.branch_hint annotation: malformed hint");
        }
        return b[0] & 0xFF;
    }

    private void recordHint(int value) {
        if (value < 0) {
            return;
        }
        if (hintCount == hintOffsets.length) {
            hintOffsets = Arrays.copyOf(hintOffsets, hintCount * 2);
            hintValues = Arrays.copyOf(hintValues, hintCount * 2);
        }
        hintOffsets[hintCount] = out.size();
        hintValues[hintCount] = value;
        hintCount++;
    }

    // ---- flat instructions and delimiters

    private void keyword() {
        int at = c.pos();
        int kw = c.kw();
        int top = kinds[depth - 1];
        if (kw == Keyword.END) {
            if (top != FLAT_BLOCK && top != FLAT_IF && top != FLAT_TRY) {
                throw c.unexpected();
            }
            c.advance();
            endLabel();
            dropPendingElse(depth - 1);
            out.op(Opcode.END);
            labels.pop();
            pop();
            return;
        }
        if (kw == Keyword.ELSE) {
            if (top != FLAT_IF || states[depth - 1] != IN_THEN) {
                throw c.unexpected();
            }
            c.advance();
            endLabel();
            pendingElse = depth - 1;
            states[depth - 1] = IN_ELSE;
            return;
        }
        if (kw == Keyword.CATCH || kw == Keyword.CATCH_ALL) {
            int st = states[depth - 1];
            if (top != FLAT_TRY || st == TRY_CATCH_ALL) {
                throw c.unexpected();
            }
            c.advance();
            if (kw == Keyword.CATCH) {
                int tag = ctx.tags.resolve(c);
                out.op(Opcode.CATCH).u32(tag);
                states[depth - 1] = TRY_CATCH;
            } else {
                out.op(Opcode.CATCH_ALL);
                states[depth - 1] = TRY_CATCH_ALL;
            }
            return;
        }
        if (kw == Keyword.DELEGATE) {
            if (top != FLAT_TRY || states[depth - 1] != TRY_BODY) {
                throw c.unexpected();
            }
            c.advance();
            labels.pop();
            int l = labels.resolve(c);
            out.op(Opcode.DELEGATE).u32(l);
            pop();
            return;
        }
        Opcode op = Keyword.opcode(kw);
        if (op == null || !allowsFlat(top)) {
            throw c.unexpected();
        }
        c.advance();
        int hint = takeHint(at);
        switch (op) {
            case BLOCK, LOOP, IF, TRY, TRY_TABLE -> {
                String label = labelId();
                blockStart(op, hint);
                labels.push(label);
                int kind = op == Opcode.IF ? FLAT_IF : op == Opcode.TRY ? FLAT_TRY : FLAT_BLOCK;
                push(kind, 0, -1, -1);
            }
            default -> {
                flushElse();
                recordHint(hint);
                plain.instruction(op, out, true);
            }
        }
    }

    /** Writes the pending {@code else}: its branch has an instruction after all. */
    private void flushElse() {
        if (pendingElse >= 0) {
            out.op(Opcode.ELSE);
            pendingElse = -1;
        }
    }

    /** Forgets the pending {@code else} of frame {@code f}, whose branch stayed empty. */
    private void dropPendingElse(int f) {
        if (pendingElse == f) {
            pendingElse = -1;
        }
    }

    /** Checks the optional label after {@code end} or {@code else} against the block's label. */
    private void endLabel() {
        if (c.isId()) {
            String id = c.idName(c.pos());
            if (!id.equals(labels.top())) {
                throw c.error("mismatching label");
            }
            c.advance();
        }
    }

    private String labelId() {
        return c.isId() ? c.id() : null;
    }

    /** Writes a block, loop, if, try or try_table with its block type (and catch clauses). */
    private void blockStart(Opcode op, int hint) {
        BlockType bt = blockType(true);
        Catch[] catches = op == Opcode.TRY_TABLE ? catchClauses() : null;
        flushElse();
        recordHint(hint);
        out.op(op).blockType(bt);
        if (catches != null) {
            out.u32(catches.length);
            for (Catch k : catches) {
                out.catchClause(k);
            }
        }
    }

    private Catch[] catchClauses() {
        List<Catch> list = null;
        while (true) {
            int k = c.lparenKw();
            Catch.Kind kind = k == Keyword.CATCH ? Catch.Kind.CATCH
                    : k == Keyword.CATCH_REF ? Catch.Kind.CATCH_REF
                    : k == Keyword.CATCH_ALL ? Catch.Kind.CATCH_ALL
                    : k == Keyword.CATCH_ALL_REF ? Catch.Kind.CATCH_ALL_REF : null;
            if (kind == null) {
                break;
            }
            c.advance();
            c.advance();
            int tag = kind.hasTag() ? ctx.tags.resolve(c) : 0;
            int label = labels.resolve(c);
            c.expectRParen();
            if (list == null) {
                list = new ArrayList<>();
            }
            list.add(new Catch(kind, tag, label));
        }
        return list == null ? new Catch[0] : list.toArray(new Catch[0]);
    }

    // ---- folded instructions

    private void lparen() {
        int at = c.pos();
        int top = kinds[depth - 1];
        int kw = c.kwAt(at + 1);
        if (top == FOLD_IF) {
            int st = states[depth - 1];
            if (st == IF_COND && kw == Keyword.THEN) {
                c.advance();
                c.advance();
                int save = c.pos();
                c.seek(toks[depth - 1]);
                BlockType bt = blockType(true);
                c.seek(save);
                flushElse();
                recordHint(frameHints[depth - 1]);
                out.op(Opcode.IF).blockType(bt);
                labels.push(frameLabels[depth - 1]);
                states[depth - 1] = IF_AFTER_THEN;
                push(FOLD_THEN, 0, -1, -1);
                return;
            }
            if (st == IF_AFTER_THEN && kw == Keyword.ELSE) {
                c.advance();
                c.advance();
                pendingElse = depth - 1;
                states[depth - 1] = IF_AFTER_ELSE;
                push(FOLD_ELSE, 0, -1, -1);
                return;
            }
            if (st != IF_COND) {
                throw c.unexpected();
            }
        } else if (top == FOLD_TRY) {
            tryClause(kw);
            return;
        }
        c.advance();
        Opcode op = Keyword.opcode(kw);
        if (op == null) {
            throw c.unexpected();
        }
        c.advance();
        int hint = takeHint(at);
        switch (op) {
            case BLOCK, LOOP, TRY_TABLE -> {
                String label = labelId();
                blockStart(op, hint);
                labels.push(label);
                push(FOLD_BLOCK, 0, -1, -1);
            }
            case IF -> {
                String label = labelId();
                int btTok = c.pos();
                blockType(false);
                push(FOLD_IF, IF_COND, btTok, hint);
                frameLabels[depth - 1] = label;
            }
            case TRY -> {
                String label = labelId();
                blockStart(op, hint);
                labels.push(label);
                push(FOLD_TRY, TRY_EXPECT_DO, -1, -1);
            }
            case ELSE, END, CATCH, CATCH_ALL, DELEGATE -> throw c.errorAt(at + 1, "unexpected token");
            default -> {
                scratch.reset();
                plain.instruction(op, scratch, false);
                push(FOLD_PLAIN, 0, at + 1, hint);
            }
        }
    }

    /** {@code (do ...)}, {@code (catch $t ...)}, {@code (catch_all ...)} or {@code (delegate l)}. */
    private void tryClause(int kw) {
        int f = depth - 1;
        int st = states[f];
        if (kw == Keyword.DO && st == TRY_EXPECT_DO) {
            c.advance();
            c.advance();
            states[f] = TRY_BODY;
            push(FOLD_DO, 0, -1, -1);
        } else if (kw == Keyword.CATCH && (st == TRY_BODY || st == TRY_CATCH)) {
            c.advance();
            c.advance();
            int tag = ctx.tags.resolve(c);
            out.op(Opcode.CATCH).u32(tag);
            states[f] = TRY_CATCH;
            push(FOLD_CATCH, 0, -1, -1);
        } else if (kw == Keyword.CATCH_ALL && (st == TRY_BODY || st == TRY_CATCH)) {
            c.advance();
            c.advance();
            out.op(Opcode.CATCH_ALL);
            states[f] = TRY_CATCH_ALL;
            push(FOLD_CATCH, 0, -1, -1);
        } else if (kw == Keyword.DELEGATE && st == TRY_BODY) {
            c.advance();
            c.advance();
            labels.pop();
            int l = labels.resolve(c);
            c.expectRParen();
            out.op(Opcode.DELEGATE).u32(l);
            states[f] = TRY_DELEGATED;
        } else {
            if (c.is(TokenKind.LPAREN)) {
                c.advance();
            }
            throw c.unexpected();
        }
    }

    private void rparen() {
        int f = depth - 1;
        switch (kinds[f]) {
            case FOLD_PLAIN -> {
                int save = c.pos();
                int opTok = toks[f];
                c.seek(opTok + 1);
                flushElse();
                recordHint(frameHints[f]);
                plain.instruction(Keyword.opcode(c.kwAt(opTok)), out, true);
                c.seek(save);
                pop();
            }
            case FOLD_BLOCK -> {
                out.op(Opcode.END);
                labels.pop();
                pop();
            }
            case FOLD_THEN, FOLD_ELSE, FOLD_DO, FOLD_CATCH -> pop();
            case FOLD_IF -> {
                if (states[f] == IF_COND) {
                    throw c.unexpected();
                }
                dropPendingElse(f);
                out.op(Opcode.END);
                labels.pop();
                pop();
            }
            case FOLD_TRY -> {
                int st = states[f];
                if (st == TRY_EXPECT_DO) {
                    throw c.unexpected();
                }
                if (st != TRY_DELEGATED) {
                    out.op(Opcode.END);
                    labels.pop();
                }
                pop();
            }
            default -> throw c.unexpected(); // a flat block without its end
        }
        c.advance();
    }

    // ---- block types and type uses

    /**
     * A block type: {@code (type x)?} with parameters and results. With {@code create} false the
     * tokens are only checked (no implicit type is added). Like wat2wasm, a type use whose
     * function type has no parameters and at most one result is written in the short form.
     */
    private BlockType blockType(boolean create) {
        if (!c.is(TokenKind.LPAREN)) {
            return BlockType.EMPTY;
        }
        int k = c.lparenKw();
        if (k != Keyword.TYPE && k != Keyword.PARAM && k != Keyword.RESULT) {
            return BlockType.EMPTY;
        }
        int at = c.pos();
        long explicit = -1; // a u32 type index, or -1 for none
        if (k == Keyword.TYPE) {
            c.advance();
            c.advance();
            explicit = ctx.types.resolve(c) & 0xFFFF_FFFFL;
            c.expectRParen();
        }
        List<ValType> ps = new ArrayList<>(0);
        List<ValType> rs = new ArrayList<>(1);
        types.params(ps, null, null);
        types.results(rs);
        if (explicit >= 0) {
            FuncType ft = ctx.funcType((int) explicit);
            if (!ps.isEmpty() || !rs.isEmpty()) {
                types.checkInline(at, ft, ps, rs);
            }
            if (ft != null && ft.params().isEmpty() && ft.results().size() <= 1) {
                return ft.results().isEmpty() ? BlockType.EMPTY : new BlockType.Value(ft.results().get(0));
            }
            // Indices of 2^31 or more (never defined) stay unknown as Integer.MAX_VALUE.
            return new BlockType.Func((int) Math.min(explicit, Integer.MAX_VALUE));
        }
        if (ps.isEmpty() && rs.size() <= 1) {
            return rs.isEmpty() ? BlockType.EMPTY : new BlockType.Value(rs.get(0));
        }
        return create ? new BlockType.Func(ctx.implicitType(new FuncType(ps, rs))) : BlockType.EMPTY;
    }

}
