package dev.jawa.text.wast;

/**
 * A module as a script gives it. Text modules stay source text until the runner parses them, so
 * that one malformed module fails its own assertion, not the whole script.
 */
public sealed interface ModuleSource {

    /** The line of the module in the script. */
    int line();

    /**
     * A module in text: {@code source[start, end)} is the whole {@code (module ...)} form as
     * written, including a {@code definition} keyword and a {@code $name} if present (the command
     * holds those too); {@link dev.jawa.text.TextParser#parseModule(String, int, int)} accepts it.
     * For a script that is a bare module (only module fields), it is the whole script.
     */
    record Text(String source, int start, int end, int line) implements ModuleSource {
    }

    /** {@code (module binary "..."*)}: the strings' bytes, concatenated. */
    record Binary(byte[] bytes, int line) implements ModuleSource {
    }

    /**
     * {@code (module quote "..."*)}: the strings concatenated, to be parsed as module text (a
     * {@code (module ...)} form or bare module fields).
     */
    record Quote(String text, int line) implements ModuleSource {
    }
}
