package dev.jawa.text;

import dev.jawa.module.Module;

/** Prints a {@link Module} in the text format, which {@link TextParser} reads back. */
public final class TextPrinter {

    private TextPrinter() {
    }

    /** The module as WAT text. */
    public static String print(Module module) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
