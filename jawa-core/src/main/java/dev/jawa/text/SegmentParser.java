package dev.jawa.text;

import dev.jawa.binary.InstructionWriter;
import dev.jawa.module.DataSegment;
import dev.jawa.module.ElementSegment;
import dev.jawa.module.Expr;
import dev.jawa.module.Opcode;
import dev.jawa.module.SegmentMode;
import dev.jawa.types.AbsHeapType;
import dev.jawa.types.AddressType;
import dev.jawa.types.RefType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses element and data segments in all their text forms: active with a table or memory
 * (also the legacy bare index), an {@code (offset ...)} or a single folded instruction, passive,
 * declarative; items as {@code func} indices, {@code (item ...)} or folded expressions.
 */
final class SegmentParser {

    /** The type of segments given as function indices. */
    static final RefType REF_FUNC = RefType.of(false, AbsHeapType.FUNC);

    private final TokenCursor c;
    private final ModuleContext ctx;
    private final TypeParser types;
    private final CodeParser code;

    SegmentParser(TokenCursor c, ModuleContext ctx, TypeParser types, CodeParser code) {
        this.c = c;
        this.ctx = ctx;
        this.types = types;
        this.code = code;
    }

    /** An element segment, after {@code elem}. */
    ElementSegment elem() {
        if (c.isId()) {
            c.advance();
        }
        SegmentMode mode;
        int table = 0;
        Expr offset = null;
        if (c.isKw(Keyword.DECLARE)) {
            c.advance();
            mode = SegmentMode.DECLARATIVE;
        } else if (c.isLParenKw(Keyword.TABLE)) {
            c.advance();
            c.advance();
            table = ctx.tables.resolve(c);
            c.expectRParen();
            offset = offsetExpr();
            mode = SegmentMode.ACTIVE;
        } else if (c.is(TokenKind.LPAREN) && (c.lparenKw() == Keyword.OFFSET || Keyword.opcode(c.lparenKw()) != null)) {
            offset = offsetExpr();
            mode = SegmentMode.ACTIVE;
        } else if (atIndex() && c.kind(c.pos() + 1) == TokenKind.LPAREN) {
            // The legacy form with a bare table index: (elem 0 (i32.const 0) ...).
            table = ctx.tables.resolve(c);
            offset = offsetExpr();
            mode = SegmentMode.ACTIVE;
        } else {
            mode = SegmentMode.PASSIVE;
        }
        RefType type;
        List<Expr> items;
        if (c.isKw(Keyword.FUNC)) {
            c.advance();
            type = REF_FUNC;
            items = funcIndexItems();
        } else if (types.atRefType()) {
            type = types.refType();
            items = new ArrayList<>();
            while (c.is(TokenKind.LPAREN)) {
                items.add(elemExpr());
            }
        } else if (mode == SegmentMode.ACTIVE) {
            type = REF_FUNC;
            items = funcIndexItems();
        } else {
            throw c.unexpected();
        }
        c.expectRParen();
        return new ElementSegment(mode, table, offset, type, items);
    }

    /** The items of an inline {@code (elem ...)} of a table: expressions or function indices. */
    List<Expr> elemItems(boolean allowIndices) {
        if (allowIndices && !c.is(TokenKind.LPAREN)) {
            return funcIndexItems();
        }
        List<Expr> items = new ArrayList<>();
        while (c.is(TokenKind.LPAREN)) {
            items.add(elemExpr());
        }
        return items;
    }

    private List<Expr> funcIndexItems() {
        List<Expr> items = new ArrayList<>();
        while (c.is(TokenKind.NAT) || c.is(TokenKind.ID)) {
            int f = ctx.funcs.resolve(c);
            InstructionWriter w = new InstructionWriter(8);
            w.op(Opcode.REF_FUNC).u32(f);
            w.op(Opcode.END);
            items.add(w.toExpr());
        }
        return items;
    }

    private Expr elemExpr() {
        if (c.isLParenKw(Keyword.ITEM)) {
            c.advance();
            c.advance();
            Expr e = code.constExpr(-1);
            c.expectRParen();
            return e;
        }
        return code.constExpr(c.tokens().value(c.pos()) + 1);
    }

    private boolean atIndex() {
        return c.is(TokenKind.NAT) || c.is(TokenKind.ID);
    }

    private Expr offsetExpr() {
        if (c.isLParenKw(Keyword.OFFSET)) {
            c.advance();
            c.advance();
            Expr e = code.constExpr(-1);
            c.expectRParen();
            return e;
        }
        if (!c.is(TokenKind.LPAREN)) {
            throw c.unexpected();
        }
        return code.constExpr(c.tokens().value(c.pos()) + 1);
    }

    /** A data segment, after {@code data}. */
    DataSegment data() {
        if (c.isId()) {
            c.advance();
        }
        if (c.isLParenKw(Keyword.MEMORY)) {
            c.advance();
            c.advance();
            int mem = ctx.memories.resolve(c);
            c.expectRParen();
            Expr offset = offsetExpr();
            byte[] bytes = strings();
            c.expectRParen();
            return new DataSegment(SegmentMode.ACTIVE, mem, offset, bytes);
        }
        if (c.is(TokenKind.LPAREN) || (atIndex() && c.kind(c.pos() + 1) == TokenKind.LPAREN)) {
            // With a bare memory index, the legacy form (data 0 (i32.const 0) ...).
            int mem = c.is(TokenKind.LPAREN) ? 0 : ctx.memories.resolve(c);
            Expr offset = offsetExpr();
            byte[] bytes = strings();
            c.expectRParen();
            return new DataSegment(SegmentMode.ACTIVE, mem, offset, bytes);
        }
        byte[] bytes = strings();
        c.expectRParen();
        return new DataSegment(SegmentMode.PASSIVE, 0, null, bytes);
    }

    /** The offset {@code (i32.const 0)} or {@code (i64.const 0)} of the abbreviations. */
    static Expr zeroOffset(AddressType addr) {
        InstructionWriter w = new InstructionWriter(8);
        if (addr == AddressType.I64) {
            w.op(Opcode.I64_CONST).s64(0);
        } else {
            w.op(Opcode.I32_CONST).s64(0);
        }
        w.op(Opcode.END);
        return w.toExpr();
    }

    /** Consumes string literals and returns their bytes concatenated. */
    byte[] strings() {
        if (c.is(TokenKind.STRING) && c.kind(c.pos() + 1) != TokenKind.STRING) {
            return c.string();
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (c.is(TokenKind.STRING)) {
            b.writeBytes(c.string());
        }
        return b.toByteArray();
    }

}
