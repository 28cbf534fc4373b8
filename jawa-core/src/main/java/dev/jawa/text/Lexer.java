package dev.jawa.text;

import java.util.Arrays;

/**
 * Splits source text into tokens, following the text format's lexical grammar and the reference
 * interpreter's longest-match rules: a token is a maximal run of identifier characters and string
 * literals, classified as a whole (so {@code 0$x}, {@code "a""b"} or {@code i32.const0} are one
 * reserved token, an "unknown operator").
 *
 * <p>Errors do not throw here: the lexer appends an {@link TokenKind#ERROR} token and stops, and
 * the parser reports it when it gets there, so a syntax error earlier in the text is reported
 * first, as with the reference interpreter's lazy lexer.
 *
 * <p>Annotations {@code (@id ...)} are white space; the contents of those a parser interprets
 * ({@code @custom}, {@code @name}, {@code @metadata.code.branch_hint}) go to a side stream.
 */
public final class Lexer {

    private static final boolean[] ID_CHAR = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ID_CHAR[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            ID_CHAR[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ID_CHAR[c] = true;
        }
        for (char c : "_+-*/\\^~=<>!?@#$%&|:`.'".toCharArray()) {
            ID_CHAR[c] = true;
        }
    }

    /** Unwinds the lexer after an error token has been appended. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final String src;
    private final int end;
    private int p;
    private final TokenStream main;
    private TokenStream side;
    private TokenStream out;
    private boolean annotationMode;
    private final int[] errorAt = new int[1];
    private int[] parenStack = new int[64];
    private int parenDepth;

    private Lexer(String src, int start, int end) {
        this.src = src;
        this.p = start;
        this.end = end;
        this.main = new TokenStream(src, (end - start) / 4);
        this.out = main;
    }

    /** Lexes {@code source[start, end)}. */
    public static TokenStream lex(String source, int start, int end) {
        Lexer lx = new Lexer(source, start, end);
        try {
            lx.run();
        } catch (Stop s) {
            // the ERROR token is in place
        }
        return lx.main;
    }

    /** Lexes all of {@code source}. */
    public static TokenStream lex(String source) {
        return lex(source, 0, source.length());
    }

    /** Whether {@code c} may occur in identifiers, keywords and numbers. */
    public static boolean isIdChar(char c) {
        return c < 128 && ID_CHAR[c];
    }

    private void run() {
        while (true) {
            skipSpace();
            if (p >= end) {
                main.add(TokenKind.EOF, end, end, 0);
                return;
            }
            char c = src.charAt(p);
            if (c == '(') {
                if (p + 1 < end && src.charAt(p + 1) == '@') {
                    annotation();
                } else {
                    openParen();
                }
            } else if (c == ')') {
                closeParen();
            } else {
                token();
            }
        }
    }

    private void openParen() {
        int i = out.add(TokenKind.LPAREN, p, p + 1, -1);
        if (parenDepth == parenStack.length) {
            parenStack = Arrays.copyOf(parenStack, parenDepth * 2);
        }
        parenStack[parenDepth++] = i;
        p++;
    }

    private void closeParen() {
        int i = out.add(TokenKind.RPAREN, p, p + 1, 0);
        if (parenDepth > 0) {
            out.setValue(parenStack[--parenDepth], i);
        }
        p++;
    }

    private void fail(String message, int offset) {
        main.addError(message, offset);
        throw new Stop();
    }

    /** Skips white space and comments. */
    private void skipSpace() {
        while (p < end) {
            char c = src.charAt(p);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                p++;
            } else if (c == ';' && p + 1 < end && src.charAt(p + 1) == ';') {
                p += 2;
                while (p < end) {
                    char d = src.charAt(p);
                    if (d == '\n' || d == '\r') {
                        break;
                    }
                    checkCommentChar(d);
                    p++;
                }
            } else if (c == '(' && p + 1 < end && src.charAt(p + 1) == ';') {
                blockComment();
            } else {
                return;
            }
        }
    }

    /** Rejects undecodable bytes in comments; advances over surrogate pairs as one character. */
    private void checkCommentChar(char d) {
        if (Character.isHighSurrogate(d)) {
            if (p + 1 < end && Character.isLowSurrogate(src.charAt(p + 1))) {
                p++;
                return;
            }
            fail("malformed UTF-8 encoding", p);
        } else if (Character.isLowSurrogate(d)) {
            fail("malformed UTF-8 encoding", p);
        }
    }

    private void blockComment() {
        int start = p;
        int depth = 0;
        while (p < end) {
            char c = src.charAt(p);
            if (c == '(' && p + 1 < end && src.charAt(p + 1) == ';') {
                depth++;
                p += 2;
            } else if (c == ';' && p + 1 < end && src.charAt(p + 1) == ')') {
                depth--;
                p += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                checkCommentChar(c);
                p++;
            }
        }
        fail("unclosed comment", start);
    }

    /** A token that is not a parenthesis: an identifier-character/string run, or a stray char. */
    private void token() {
        char c = src.charAt(p);
        if (c == '"' || isIdChar(c)) {
            chunk();
            return;
        }
        if (c == ',' || c == ';' || c == '[' || c == ']' || c == '{' || c == '}') {
            if (annotationMode) {
                out.add(TokenKind.ATOM, p, p + 1, 0);
                p++;
                return;
            }
            fail("unknown operator " + c, p);
        }
        if (Character.isHighSurrogate(c) && p + 1 < end && Character.isLowSurrogate(src.charAt(p + 1))) {
            fail(annotationMode ? "illegal character" : "misplaced unicode character", p);
        }
        if (Character.isSurrogate(c)) {
            fail("malformed UTF-8 encoding", p);
        }
        if (c < 0x20 || c == 0x7F) {
            fail(annotationMode ? "illegal character" : "misplaced control character", p);
        }
        fail(annotationMode ? "illegal character" : "misplaced unicode character", p);
    }

    /** A maximal run of identifier characters and string literals, classified as a whole. */
    private void chunk() {
        int s = p;
        while (p < end) {
            char c = src.charAt(p);
            if (isIdChar(c)) {
                p++;
            } else if (c == '"') {
                int r = StringLiteral.scan(src, p, end, errorAt);
                if (r < 0) {
                    if (p == s) {
                        fail(StringLiteral.message(r), errorAt[0]);
                    }
                    break; // the run ends before the bad string, which fails as the next token
                }
                p = r;
            } else {
                break;
            }
        }
        classify(s, p);
    }

    private void classify(int s, int e) {
        char c = src.charAt(s);
        if (c == '"' && StringLiteral.scan(src, s, e, errorAt) == e) {
            out.add(TokenKind.STRING, s, e, 0);
            return;
        }
        if (c == '$') {
            identifier(s, e);
            return;
        }
        int num = IntLiteral.classify(src, s, e);
        if (num >= 0) {
            out.add((byte) num, s, e, 0);
            return;
        }
        if (c >= 'a' && c <= 'z') {
            if (src.startsWith("offset=", s) && isNat(s + 7, e)) {
                out.add(TokenKind.OFFSET_EQ, s, e, 0);
                return;
            }
            if (src.startsWith("align=", s) && isNat(s + 6, e)) {
                out.add(TokenKind.ALIGN_EQ, s, e, 0);
                return;
            }
            if (isKeywordSyntax(s, e)) {
                int kw = Keyword.lookup(src, s, e);
                if (kw >= 0) {
                    out.add(TokenKind.KEYWORD, s, e, kw);
                    return;
                }
            }
        }
        if (annotationMode) {
            out.add(TokenKind.ATOM, s, e, 0);
            return;
        }
        fail("unknown operator " + src.substring(s, e), s);
    }

    private boolean isNat(int s, int e) {
        return IntLiteral.classify(src, s, e) == TokenKind.NAT;
    }

    private boolean isKeywordSyntax(int s, int e) {
        if (e - s < 2) {
            return false;
        }
        for (int i = s + 1; i < e; i++) {
            char c = src.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private void identifier(int s, int e) {
        if (e == s + 1) {
            fail("empty identifier", s);
        }
        boolean plain = true;
        for (int i = s + 1; i < e; i++) {
            if (!isIdChar(src.charAt(i))) {
                plain = false;
                break;
            }
        }
        if (plain) {
            out.add(TokenKind.ID, s, e, 0);
            return;
        }
        if (src.charAt(s + 1) == '"' && StringLiteral.scan(src, s + 1, e, errorAt) == e) {
            byte[] name = StringLiteral.decode(src, s + 1, e);
            if (name.length == 0) {
                fail("empty identifier", s);
            }
            if (!Utf8.isValid(name)) {
                fail("malformed UTF-8 encoding", s);
            }
            out.add(TokenKind.ID, s, e, 1);
            return;
        }
        if (annotationMode) {
            out.add(TokenKind.ATOM, s, e, 0);
            return;
        }
        fail("unknown operator " + src.substring(s, e), s);
    }

    /** {@code (@id ...)}: lexes the contents, keeping them only for meaningful annotations. */
    private void annotation() {
        int start = p;
        String name = annotationId();
        boolean outer = !annotationMode;
        boolean keep = outer && (name.equals("custom") || name.equals("name")
                || name.equals("metadata.code.branch_hint"));
        if (side == null) {
            side = new TokenStream(src, 64);
            main.setAnnotationTokens(side);
        }
        TokenStream saved = out;
        int savedDepth = parenDepth;
        boolean savedMode = annotationMode;
        out = side;
        annotationMode = true;
        int first = side.count();
        int depth = 1;
        while (true) {
            skipSpace();
            if (p >= end) {
                fail("unclosed annotation", start);
            }
            char c = src.charAt(p);
            if (c == '(') {
                if (p + 2 < end && src.charAt(p + 1) == '@'
                        && (isIdChar(src.charAt(p + 2)) || src.charAt(p + 2) == '"')) {
                    // A nested annotation; "(@" without an id is a parenthesis and an atom here.
                    int nested = p;
                    annotationId();
                    out.add(TokenKind.ATOM, nested, p, 0);
                    depth++;
                    pushParen(out.add(TokenKind.LPAREN, nested, nested, -1));
                } else {
                    openParen();
                    depth++;
                }
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    p++;
                    break;
                }
                closeParen();
            } else {
                token();
            }
        }
        int last = side.count();
        out = saved;
        annotationMode = savedMode;
        parenDepth = savedDepth;
        if (keep) {
            main.annotations().add(new Annotation(name, start, first, last, main.count()));
        } else if (outer) {
            side.truncate(first);
        }
    }

    private void pushParen(int index) {
        if (parenDepth == parenStack.length) {
            parenStack = Arrays.copyOf(parenStack, parenDepth * 2);
        }
        parenStack[parenDepth++] = index;
    }

    /** Reads the id after {@code (@}, leaving {@code p} after it. */
    private String annotationId() {
        int start = p;
        p += 2;
        if (p < end && isIdChar(src.charAt(p))) {
            int s = p;
            while (p < end && isIdChar(src.charAt(p))) {
                p++;
            }
            return src.substring(s, p);
        }
        if (p < end && src.charAt(p) == '"') {
            int r = StringLiteral.scan(src, p, end, errorAt);
            if (r > 0) {
                byte[] b = StringLiteral.decode(src, p, r);
                if (b.length == 0) {
                    fail("empty annotation id", start);
                }
                String s = Utf8.decodeStrict(b);
                if (s == null) {
                    fail("malformed UTF-8 encoding", start);
                }
                p = r;
                return s;
            }
        }
        fail("empty annotation id", start);
        return null;
    }
}
