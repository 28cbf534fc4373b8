package dev.jawa.text;

/**
 * The kinds of tokens of the text format, as stored in {@link TokenStream}. Byte constants rather
 * than an enum, because streams keep them in a {@code byte[]} (one entry per token, no objects).
 */
public final class TokenKind {

    /** End of input. */
    public static final byte EOF = 0;
    /** {@code (}. */
    public static final byte LPAREN = 1;
    /** {@code )}. */
    public static final byte RPAREN = 2;
    /** A known keyword; the token value is its {@link Keyword} id. */
    public static final byte KEYWORD = 3;
    /** {@code $id} or {@code $"quoted id"}; the token value is 1 for the quoted form. */
    public static final byte ID = 4;
    /** A string literal, quotes included. */
    public static final byte STRING = 5;
    /** An unsigned integer literal (no sign). */
    public static final byte NAT = 6;
    /** A signed integer literal. */
    public static final byte INT = 7;
    /** A floating-point literal (including {@code inf}, {@code nan}, {@code nan:0x...}). */
    public static final byte FLOAT = 8;
    /** {@code offset=n}; the number starts 7 characters into the token. */
    public static final byte OFFSET_EQ = 9;
    /** {@code align=n}; the number starts 6 characters into the token. */
    public static final byte ALIGN_EQ = 10;
    /** Inside annotations only: any other token (an unknown keyword or reserved word). */
    public static final byte ATOM = 11;
    /**
     * A lexical error. It is the last token of its stream: the lexer stops there, and the parser
     * reports the error when it reaches it (as a lazy lexer would).
     */
    public static final byte ERROR = 12;

    private TokenKind() {
    }

    /** Whether {@code kind} is a numeric literal (NAT, INT or FLOAT). */
    public static boolean isNumber(byte kind) {
        return kind == NAT || kind == INT || kind == FLOAT;
    }
}
