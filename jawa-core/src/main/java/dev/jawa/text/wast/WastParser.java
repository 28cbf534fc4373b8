package dev.jawa.text.wast;

import dev.jawa.MalformedTextException;

/** Parses a .wast script into its commands. */
public final class WastParser {

    private WastParser() {
    }

    /**
     * Parses a script.
     *
     * @param fileName for messages only
     * @throws MalformedTextException if the script's own syntax is broken (modules inside it are
     *     kept as source and parsed when the script runs, so a malformed module does not fail this)
     */
    public static WastScript parse(String source, String fileName) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
