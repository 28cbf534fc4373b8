package dev.jawa.text;

import dev.jawa.MalformedTextException;
import dev.jawa.WasmException;
import dev.jawa.module.Module;

/**
 * Parses the WebAssembly text format into a {@link Module}: the same model the binary decoder
 * produces from wat2wasm's encoding of the text, with the {@code $id}s recorded as
 * {@link dev.jawa.module.Names}.
 */
public final class TextParser {

    private TextParser() {
    }

    /**
     * Parses a module: {@code (module ...)} or a sequence of module fields.
     *
     * @throws MalformedTextException if the text does not follow the text format
     */
    public static Module parseModule(String text) {
        return parseModule(text, 0, text.length());
    }

    /**
     * Parses the module in {@code source[start, end)}; errors give line:column within the whole
     * source (used by the script runner for modules inside a .wast file). The range may hold
     * {@code (module $id? ...)} (also with a script's {@code definition} keyword) or bare module
     * fields.
     */
    public static Module parseModule(String source, int start, int end) {
        TokenStream ts = Lexer.lex(source, start, end);
        try {
            return new ModuleParser(ts).parse();
        } catch (WasmException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A bug, not bad input; still reported as Jawa's own exception, never as a crash.
            TokenCursor c = new TokenCursor(ts);
            MalformedTextException m = c.errorAtOffset(start, "malformed module text (internal error: " + e + ")");
            m.initCause(e);
            throw m;
        }
    }
}
