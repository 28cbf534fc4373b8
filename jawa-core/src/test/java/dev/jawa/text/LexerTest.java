package dev.jawa.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerTest {

    /** The tokens as "KIND:text", the error as "ERROR:message". */
    private static List<String> tokens(String src) {
        TokenStream ts = Lexer.lex(src);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ts.count(); i++) {
            byte k = ts.kind(i);
            String name = switch (k) {
                case TokenKind.EOF -> "EOF";
                case TokenKind.LPAREN -> "(";
                case TokenKind.RPAREN -> ")";
                case TokenKind.KEYWORD -> "KW";
                case TokenKind.ID -> "ID";
                case TokenKind.STRING -> "STR";
                case TokenKind.NAT -> "NAT";
                case TokenKind.INT -> "INT";
                case TokenKind.FLOAT -> "FLOAT";
                case TokenKind.OFFSET_EQ -> "OFFSET";
                case TokenKind.ALIGN_EQ -> "ALIGN";
                case TokenKind.ATOM -> "ATOM";
                default -> "ERROR";
            };
            if (k == TokenKind.ERROR) {
                out.add("ERROR:" + ts.errorMessage());
            } else if (k == TokenKind.LPAREN || k == TokenKind.RPAREN || k == TokenKind.EOF) {
                out.add(name);
            } else {
                out.add(name + ":" + ts.text(i));
            }
        }
        return out;
    }

    @Test
    void classifiesTokens() {
        assertEquals(List.of("(", "KW:func", "ID:$f", "(", "KW:param", "KW:i32", ")", "KW:i32.const", "INT:-1",
                "KW:f32.const", "FLOAT:0x1p-3", "NAT:0x1_0", "FLOAT:-inf", "FLOAT:nan:0x7f", ")", "EOF"),
                tokens("(func $f (param i32) i32.const -1 f32.const 0x1p-3 0x1_0 -inf nan:0x7f)"));
        assertEquals(List.of("KW:i32.load", "OFFSET:offset=0x10", "ALIGN:align=4", "EOF"),
                tokens("i32.load offset=0x10 align=4"));
        assertEquals(List.of("KW:nan:canonical", "FLOAT:nan", "FLOAT:+nan", "EOF"), tokens("nan:canonical nan +nan"));
        assertEquals(List.of("STR:\"a\\\"b\"", "ID:$\"q q\"", "ID:$!?@#a$%^&*b-+_.:9'`|/\\<=>~", "EOF"),
                tokens("\"a\\\"b\" $\"q q\" $!?@#a$%^&*b-+_.:9'`|/\\<=>~"));
    }

    @Test
    void parenthesesDelimitTokensButNothingElseDoes() {
        assertEquals(List.of("(", "KW:func", "(", "KW:nop", ")", "KW:nop", ")", "EOF"), tokens("(func(nop)nop)"));
        // A run of identifier characters and strings is one token, classified as a whole.
        assertEquals(List.of("KW:br", "ERROR:unknown operator 0drop"), tokens("br 0drop"));
        assertEquals(List.of("ERROR:unknown operator 0$l"), tokens("0$l"));
        assertEquals(List.of("ERROR:unknown operator \"a\"\"b\""), tokens("\"a\"\"b\""));
        assertEquals(List.of("ERROR:unknown operator i32.const0"), tokens("i32.const0"));
        assertEquals(List.of("ERROR:unknown operator get_local"), tokens("get_local"));
        assertEquals(List.of("ERROR:unknown operator 1_"), tokens("1_"));
        assertEquals(List.of("ERROR:unknown operator 0x"), tokens("0x"));
        assertEquals(List.of("ERROR:unknown operator ,"), tokens(","));
    }

    @Test
    void commentsAreWhiteSpace() {
        assertEquals(List.of("(", "KW:module", ")", "EOF"),
                tokens("(;a(;nested;)b;) ( ;; line\n module;;x\r) ;; end"));
        assertEquals(List.of("ERROR:unclosed comment"), tokens("(; (; ;)"));
        assertEquals(List.of("KW:nop", "ERROR:unclosed comment"), tokens("nop (;"));
    }

    @Test
    void stringsAndIdentifiersFailWithTheReferenceWording() {
        assertEquals(List.of("ERROR:unclosed string literal"), tokens("\"abc"));
        assertEquals(List.of("ERROR:unclosed string literal"), tokens("\"a\nb\""));
        assertEquals(List.of("ERROR:illegal control character in string literal"), tokens("\"a\u0001\""));
        assertEquals(List.of("ERROR:illegal escape"), tokens("\"\\q\""));
        assertEquals(List.of("ERROR:illegal escape"), tokens("\"\\u{110000}\""));
        assertEquals(List.of("ERROR:empty identifier"), tokens("$"));
        assertEquals(List.of("ERROR:empty identifier"), tokens("$\"\""));
        assertEquals(List.of("ERROR:empty identifier"), tokens("$ \"a\""));
        assertEquals(List.of("ERROR:empty identifier"), tokens("$\"a\nb\""));
        assertEquals(List.of("ERROR:malformed UTF-8 encoding"), tokens("$\"\\ef\""));
        assertEquals(List.of("ERROR:misplaced unicode character"), tokens("ä"));
        // Bytes that are not UTF-8 reach the lexer as lone surrogates (Utf8.decodeLossless).
        assertEquals(List.of("ERROR:malformed UTF-8 encoding"), tokens(Utf8.decodeLossless(new byte[] {(byte) 0x80})));
    }

    @Test
    void annotationsAreSkippedUnlessMeaningful() {
        assertEquals(List.of("(", "KW:module", ")", "EOF"),
                tokens("((@a) module (@a x (y \"s\" (@b)) 0x $x , ; ] (@) (@(@(@)))) )"));
        TokenStream ts = Lexer.lex("(module (@custom \"n\" (after func) \"x\") (@name \"m\"))");
        assertEquals(2, ts.annotations().size());
        Annotation custom = ts.annotations().get(0);
        assertEquals("custom", custom.name());
        assertEquals(2, custom.anchor()); // the ")" closing the module
        assertEquals(6, custom.end() - custom.first());
        assertEquals("name", ts.annotations().get(1).name());
        assertEquals(List.of("ERROR:empty annotation id"), tokens("(@ x)"));
        assertEquals(List.of("ERROR:empty annotation id"), tokens("(@\"\")"));
        assertEquals(List.of("ERROR:malformed UTF-8 encoding"), tokens("(@\"\\ef\")"));
        assertEquals(List.of("ERROR:unclosed annotation"), tokens("(@x (y)"));
        assertEquals(List.of("ERROR:illegal character"), tokens("(@a \u0000)"));
        assertEquals(List.of("ERROR:illegal character"), tokens("(@a Würstchen)"));
        assertEquals(List.of("ERROR:unclosed string literal"), tokens("(@x \")"));
        assertEquals(List.of("(", "ERROR:unknown operator @a"), tokens("( @a)"));
    }

    @Test
    void positionsAreLinesAndColumnsOfTheWholeSource() {
        String src = "(module\n  (func)\n  bad!)";
        TokenStream ts = Lexer.lex(src, 8, src.length());
        int last = ts.count() - 1;
        assertEquals(TokenKind.ERROR, ts.kind(last));
        assertEquals(3, ts.line(ts.start(last)));
        assertEquals(3, ts.column(ts.start(last)));
        assertNull(Lexer.lex("(module)").errorMessage());
    }
}
