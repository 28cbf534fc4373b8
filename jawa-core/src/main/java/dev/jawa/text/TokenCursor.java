package dev.jawa.text;

import dev.jawa.MalformedTextException;

/**
 * A position in a {@link TokenStream} with the reading primitives both the module parser and the
 * script parser use: token tests, expectations, literals, and errors that carry line:column.
 *
 * <p>Whenever the parser fails at a lexical error token, the lexer's message wins: that is what
 * a lazy lexer would have reported on reaching that point.
 */
public class TokenCursor {

    protected final TokenStream ts;
    protected int pos;
    private final int last;

    public TokenCursor(TokenStream ts) {
        this.ts = ts;
        this.last = ts.count() - 1;
    }

    /** The token stream. */
    public final TokenStream tokens() {
        return ts;
    }

    /** The index of the current token. */
    public final int pos() {
        return pos;
    }

    /** Moves to token {@code i}. */
    public final void seek(int i) {
        pos = Math.min(i, last);
    }

    /** The kind of the current token. */
    public final byte kind() {
        return ts.kind(pos);
    }

    /** The kind of token {@code i} (the final EOF/ERROR for indices beyond the end). */
    public final byte kind(int i) {
        return ts.kind(Math.min(i, last));
    }

    /** The keyword id of the current token, or -1 if it is no keyword. */
    public final int kw() {
        return kwAt(pos);
    }

    /** The keyword id of token {@code i}, or -1. */
    public final int kwAt(int i) {
        i = Math.min(i, last);
        return ts.kind(i) == TokenKind.KEYWORD ? ts.value(i) : -1;
    }

    /** Whether the current token is keyword {@code id}. */
    public final boolean isKw(int id) {
        return kwAt(pos) == id;
    }

    /** The keyword after the current {@code (}, or -1 if the current token is no {@code (kw}. */
    public final int lparenKw() {
        return ts.kind(pos) == TokenKind.LPAREN ? kwAt(pos + 1) : -1;
    }

    /** Whether the current tokens are {@code (} and keyword {@code id}. */
    public final boolean isLParenKw(int id) {
        return lparenKw() == id;
    }

    /** Whether the current token is of {@code kind}. */
    public final boolean is(byte kind) {
        return ts.kind(pos) == kind;
    }

    /** Steps to the next token (never past the final EOF or ERROR). */
    public final void advance() {
        if (pos < last) {
            pos++;
        }
    }

    /** Consumes a token of {@code kind}, or fails with "unexpected token". */
    public final void expect(byte kind) {
        if (ts.kind(pos) != kind) {
            throw unexpected();
        }
        advance();
    }

    /** Consumes keyword {@code id}, or fails with "unexpected token". */
    public final void expectKw(int id) {
        if (kwAt(pos) != id) {
            throw unexpected();
        }
        advance();
    }

    /** Consumes {@code (} and keyword {@code id}. */
    public final void expectLParenKw(int id) {
        expect(TokenKind.LPAREN);
        expectKw(id);
    }

    /** Consumes {@code )}. */
    public final void expectRParen() {
        expect(TokenKind.RPAREN);
    }

    /** "unexpected token" at the current token (or the lexical error there). */
    public final MalformedTextException unexpected() {
        return error("unexpected token");
    }

    /** An error at the current token (or the lexical error there). */
    public final MalformedTextException error(String reason) {
        return errorAt(pos, reason);
    }

    /** An error at token {@code i} (or the lexical error there). */
    public final MalformedTextException errorAt(int i, String reason) {
        i = Math.min(i, last);
        int offset = ts.start(i);
        if (ts.kind(i) == TokenKind.ERROR) {
            reason = ts.errorMessage();
        }
        return new MalformedTextException(reason, ts.line(offset), ts.column(offset));
    }

    /** An error at source offset {@code offset}. */
    public final MalformedTextException errorAtOffset(int offset, String reason) {
        return new MalformedTextException(reason, ts.line(offset), ts.column(offset));
    }

    /** The text of the current token. */
    public final String text() {
        return ts.text(pos);
    }

    // ---- strings and names

    /** Consumes a string literal and returns its bytes. */
    public final byte[] string() {
        if (ts.kind(pos) != TokenKind.STRING) {
            throw unexpected();
        }
        byte[] b = StringLiteral.decode(ts.source(), ts.start(pos), ts.end(pos));
        advance();
        return b;
    }

    /** Consumes a string literal that must be a well-formed UTF-8 name. */
    public final String name() {
        int at = pos;
        byte[] b = string();
        String s = Utf8.decodeStrict(b);
        if (s == null) {
            throw errorAt(at, "malformed UTF-8 encoding");
        }
        return s;
    }

    /** Whether the current token is an identifier. */
    public final boolean isId() {
        return ts.kind(pos) == TokenKind.ID;
    }

    /** The name an identifier token stands for, without its {@code $}. */
    public final String idName(int i) {
        if (ts.value(i) == 1) {
            byte[] b = StringLiteral.decode(ts.source(), ts.start(i) + 1, ts.end(i));
            return Utf8.decodeLossless(b);
        }
        return ts.source().substring(ts.start(i) + 1, ts.end(i));
    }

    /** Consumes an identifier and returns its name. */
    public final String id() {
        if (ts.kind(pos) != TokenKind.ID) {
            throw unexpected();
        }
        String s = idName(pos);
        advance();
        return s;
    }

    /** Consumes an identifier if there is one; returns its name or null. */
    public final String optionalId() {
        return ts.kind(pos) == TokenKind.ID ? id() : null;
    }

    // ---- numbers

    /**
     * Consumes an unsigned integer of at most {@code bits} bits (a NAT token); a value out of
     * range fails with "i{bits} constant out of range".
     */
    public final long nat(int bits) {
        if (ts.kind(pos) != TokenKind.NAT) {
            throw unexpected();
        }
        try {
            long v = IntLiteral.parseUnsigned(text(), bits);
            advance();
            return v;
        } catch (LiteralOutOfRange e) {
            throw error("i" + bits + " constant out of range");
        }
    }

    /** Consumes a u32 (an index or count); returns it as an int holding the unsigned bits. */
    public final int u32() {
        return (int) nat(32);
    }

    /**
     * Consumes an integer literal of {@code bits} bits (8, 16, 32 or 64) in the signed or the
     * unsigned range; any numeric token is accepted, but only integers are in range.
     */
    public final long integer(int bits) {
        byte k = ts.kind(pos);
        if (!TokenKind.isNumber(k)) {
            throw unexpected();
        }
        try {
            long v = IntLiteral.parse(text(), bits);
            advance();
            return v;
        } catch (LiteralOutOfRange e) {
            throw error("constant out of range");
        }
    }

    /** Consumes an f32 literal and returns its bits. */
    public final int f32() {
        if (!TokenKind.isNumber(ts.kind(pos))) {
            throw unexpected();
        }
        try {
            int v = FloatLiteral.parseF32(text());
            advance();
            return v;
        } catch (LiteralOutOfRange e) {
            throw error("constant out of range");
        }
    }

    /** Consumes an f64 literal and returns its bits. */
    public final long f64() {
        if (!TokenKind.isNumber(ts.kind(pos))) {
            throw unexpected();
        }
        try {
            long v = FloatLiteral.parseF64(text());
            advance();
            return v;
        } catch (LiteralOutOfRange e) {
            throw error("constant out of range");
        }
    }

    /** The number in an {@code offset=n} or {@code align=n} token, as an unsigned 64-bit value. */
    public final long equalsValue(int skip) {
        try {
            return IntLiteral.parseUnsigned(ts.source().substring(ts.start(pos) + skip, ts.end(pos)), 64);
        } catch (LiteralOutOfRange e) {
            throw error("i64 constant out of range");
        }
    }
}
