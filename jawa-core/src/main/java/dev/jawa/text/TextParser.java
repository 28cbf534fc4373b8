package dev.jawa.text;

import dev.jawa.MalformedTextException;
import dev.jawa.module.Module;

/** Parses the WebAssembly text format into a {@link Module}. */
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
     * source (used by the script runner for modules inside a .wast file).
     */
    public static Module parseModule(String source, int start, int end) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
